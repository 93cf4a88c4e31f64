using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>
/// The operators' tranche board: every tranche with, per grantor, its state, counts, open differences, the latest
/// findings and the next step (each grantor's steps on its own page), and a form for a new tranche.
/// </summary>
public sealed class TranchesModel(TrancheService tranches, OpenPgbDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    [Display(Name = "Naam")]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Bevriesdatum")]
    public DateOnly? FreezeDate { get; set; }

    [BindProperty]
    [Display(Name = "Verstrekkers")]
    public List<string> GrantorCodes { get; set; } = [];

    public IReadOnlyList<TrancheBoard> Board { get; private set; } = [];

    /// <summary>Grantors that can join a new tranche: not live, not converted, in no tranche.</summary>
    public IReadOnlyList<(string Code, string Name)> Candidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Vul een naam in, bijvoorbeeld 'Tranche maart 2027'.");
        }

        if (FreezeDate is null)
        {
            ModelState.AddModelError(nameof(FreezeDate), "Vul de bevriesdatum in: de laatste dag dat PGB1 wijzigingen van deze verstrekkers verwerkt.");
        }

        if (GrantorCodes.Count == 0)
        {
            ModelState.AddModelError(nameof(GrantorCodes), "Kies minstens één verstrekker.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var tranche = await tranches.AddAsync(Name, FreezeDate!.Value, GrantorCodes, User.ToActor().Name, cancellationToken);
                TempData["Melding"] = $"Tranche '{tranche.Name}' is aangemaakt met {Plural.Of(tranche.Grantors.Count, "verstrekker", "verstrekkers")}.";
                return RedirectToPage("/Tranches", new { area = "Beheer" });
            }
            catch (TrancheException refused)
            {
                ModelState.AddModelError(string.Empty, refused.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Board = await tranches.BoardAsync(cancellationToken);
        var today = time.Today();
        var taken = await db.TrancheGrantors.Where(t => t.State != TrancheGrantorState.Postponed).Select(t => t.GrantorId).ToListAsync(cancellationToken);
        var converted = await db.GrantorConversions.Select(c => c.GrantorId).ToListAsync(cancellationToken);
        Candidates = [.. (await db.Grantors.AsNoTracking().OrderBy(g => g.Code).ToListAsync(cancellationToken))
            .Where(g => !g.IsLiveOn(today) && !taken.Contains(g.Id) && !converted.Contains(g.Id))
            .Select(g => (g.Code, g.Name))];
    }
}
