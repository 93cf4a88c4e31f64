using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.CareAgreements;

/// <param name="Pgb1Number">Set when the agreement was carried over from the old system (its number there).</param>
public sealed record AgreementRow(long Id, long GrantId, string ProviderName, string BudgetHolderName, AgreementStatus Status, int VersionNumber, DateOnly StartDate, DateOnly EndDate, long TariffCents, TariffUnit TariffUnit, string? Pgb1Number = null);

/// <summary>Everything a page shows of one agreement; built only when the current scope may see it.</summary>
public sealed record AgreementView(
    CareAgreement Agreement,
    CareProvider Provider,
    string BudgetHolderName,
    string GrantorName,
    string BudgetKey,
    IReadOnlyList<CareFunctionBudget> GrantBudgets,
    long? MaximumTariffCents,
    bool CanWrite)
{
    public CareAgreementVersion Shown => Agreement.ShownVersion;
}

public sealed record GrantChoices(long GrantId, IReadOnlyList<(string Code, string Name)> CareFunctions, bool WholePackage, DateOnly StartDate, DateOnly EndDate);

public sealed class CareAgreementQueries(OpenPgbDbContext db, Grantors.GrantorSettingsService settings, AccessLog accessLog)
{
    /// <summary>The agreements visible in this scope, optionally of one grant; newest first.</summary>
    public async Task<IReadOnlyList<AgreementRow>> ListAsync(long? grantId, CancellationToken cancellationToken)
    {
        var query = db.CareAgreements.AsNoTracking();
        if (grantId is { } id)
        {
            query = query.Where(a => a.GrantId == id);
        }

        var rows = await query
            .OrderByDescending(a => a.Id)
            .Take(500)
            .Select(a => new
            {
                a.Id,
                a.GrantId,
                a.BudgetHolderId,
                a.Pgb1Number,
                Provider = db.CareProviders.Where(p => p.Id == a.CareProviderId).Select(p => p.Name).First(),
                Versions = a.Versions.Select(v => new { v.Number, v.Status, v.StartDate, v.EndDate, v.TariffCents, v.TariffUnit }).ToList(),
            })
            .ToListAsync(cancellationToken);

        // Holder names in a second query, past the filter on purpose (a provider sees the name of the budget holder it
        // contracts with), for the ids the filtered query returned: an unfiltered set inside the first query would
        // switch off the filters of the whole query.
        var holderIds = rows.Select(r => r.BudgetHolderId).Distinct().ToList();
        var holders = await db.BudgetHolders.Unfiltered(Because.LookupOfIdsReadInScope).AsNoTracking().Where(b => holderIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name.Display, cancellationToken);
        return [.. rows.Select(r =>
        {
            var pending = r.Versions.Where(v => CareAgreementVersion.IsPendingStatus(v.Status)).MaxBy(v => v.Number);
            var shown = pending ?? r.Versions.MaxBy(v => v.Number)!;
            return new AgreementRow(r.Id, r.GrantId, r.Provider, holders[r.BudgetHolderId], shown.Status, shown.Number, shown.StartDate, shown.EndDate, shown.TariffCents, shown.TariffUnit, r.Pgb1Number);
        })];
    }

    /// <summary>One agreement with what its page needs. Staff opening it is a read of the budget holder's data and is logged.</summary>
    public async Task<AgreementView?> GetAsync(Actor actor, long agreementId, CancellationToken cancellationToken)
    {
        var agreement = await db.CareAgreements.AsNoTracking().Include(a => a.Versions).SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var provider = await db.CareProviders.AsNoTracking().SingleAsync(p => p.Id == agreement.CareProviderId, cancellationToken);
        var grant = await db.Grants.Unfiltered(Because.GrantOfVisibleAgreement).AsNoTracking()
            .Include(g => g.Grantor)
            .WithHolderAndCurrentVersion()
            .SingleAsync(g => g.Id == agreement.GrantId, cancellationToken);
        var shown = agreement.ShownVersion;
        long? maximum = null;
        var rights = Rights.RightsOf(actor, GrantFacts.Of(grant));
        if (rights.Relation is GrantRelation.Employee or GrantRelation.Operator)
        {
            maximum = await settings.MaximumForAsync(agreement.GrantorId, shown.CareFunctionCodes, shown.TariffUnit, shown.StartDate, cancellationToken);
            await accessLog.ReadAndSaveAsync(actor, agreement.BudgetHolderId, "zorgovereenkomst bekeken", $"zorgovereenkomst {agreement.Id}", cancellationToken);
        }

        return new AgreementView(agreement, provider, grant.BudgetHolder!.Name.Display, grant.Grantor!.Name, grant.BudgetKey, grant.CurrentVersion!.CareFunctionBudgets, maximum, rights.CanActAsCitizen);
    }

    /// <summary>The care functions an agreement on this grant may cover: the grant's own, or every one for care function 99.</summary>
    public async Task<GrantChoices?> ChoicesForGrantAsync(long grantId, CancellationToken cancellationToken)
    {
        var version = await db.GrantVersions.AsNoTracking().Include(v => v.CareFunctionBudgets)
            .SingleOrDefaultAsync(v => v.GrantId == grantId && v.IsCurrent, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var names = await db.CareFunctions.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name, cancellationToken);
        var codes = version.IsWholePackage
            ? names.Keys.Where(c => c != CareFunctionCodes.WholePackage).Order(StringComparer.Ordinal).ToList()
            : version.CareFunctionBudgets.Select(b => b.CareFunctionCode).Distinct().Order(StringComparer.Ordinal).ToList();
        return new GrantChoices(grantId, [.. codes.Select(c => (c, names.GetValueOrDefault(c, c)))], version.IsWholePackage, version.StartDate!.Value, version.EndDate!.Value);
    }

}
