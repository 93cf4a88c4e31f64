using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Data;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Pages;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>The spend report of any grantor, for operators: they choose the grantor, then see what its staff sees.</summary>
public sealed class RapportageModel(SpendReportService reports, AccessLog accessLog, TimeProvider time, OpenPgbDbContext db) : SpendReportPageModel(reports, accessLog, time)
{
    [BindProperty(SupportsGet = true, Name = "verstrekker")]
    public string? GrantorCode { get; set; }

    public IReadOnlyList<(string Code, string Name)> Grantors { get; private set; } = [];

    protected override async Task<int?> GrantorIdAsync(CancellationToken cancellationToken)
    {
        Grantors = [.. (await db.Grantors.AsNoTracking().OrderBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(cancellationToken)).Select(g => (g.Code, g.Name))];
        if (string.IsNullOrWhiteSpace(GrantorCode))
        {
            return null;
        }

        var id = await db.Grantors.Where(g => g.Code == GrantorCode).Select(g => (int?)g.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            ModelState.AddModelError("verstrekker", "Kies een verstrekker uit de lijst.");
        }

        return id;
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraRouteValues() =>
        GrantorCode is { } code ? [new("verstrekker", code)] : [];
}
