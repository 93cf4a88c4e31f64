using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Common;
using OpenPgb.Core.Risk;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>One risk signal of the active grantor: what was found, why it matters, its evidence, and the decision.</summary>
public sealed class RisicosignaalModel(RiskSignalService signals) : PageModel
{
    public RiskSignal Signal { get; private set; } = null!;

    [BindProperty]
    public RiskDecisionKind Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await signals.DecideAsync(User.ToActor(), id, Decision, Reason, cancellationToken);
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddModelError(refused.Rule == "RedenVanBesluit" ? nameof(Reason) : string.Empty, refused.Message);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        catch (Core.Access.NotVisibleException)
        {
            return NotFound();
        }

        TempData["Melding"] = Decision switch
        {
            RiskDecisionKind.NoRisk => "Vastgelegd: geen risico. Hetzelfde bewijs geeft geen nieuw signaal.",
            RiskDecisionKind.Investigate => "Vastgelegd: dit signaal wordt nader onderzocht.",
            _ => "De betalingen zijn geblokkeerd. De blokkade staat bij Betalingsblokkades; declaraties wachten tot zij is opgeheven.",
        };
        return RedirectToPage("/Risicosignaal", new { area = "Verstrekker", id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await signals.OpenAsync(User.ToActor(), id, cancellationToken) is not { } signal)
        {
            return false;
        }

        Signal = signal;
        return true;
    }
}
