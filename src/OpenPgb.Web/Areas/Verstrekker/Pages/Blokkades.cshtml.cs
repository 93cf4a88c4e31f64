using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>Payment blocks of the active grantor, and approved claims held for release (pre-blocked holiday allowances).</summary>
public sealed class BlokkadesModel(PaymentBlockService blocks, ClaimService claims, ClaimQueries claimQueries, OpenPgbDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<PaymentBlock> Blocks { get; private set; } = [];

    public IReadOnlyList<ClaimRow> Held { get; private set; } = [];

    [BindProperty]
    public PaymentBlockSubject Subject { get; set; } = PaymentBlockSubject.CareProvider;

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? Until { get; set; }

    public async Task OnGetAsync(long? budgethouder, CancellationToken cancellationToken)
    {
        if (budgethouder is { } holder)
        {
            Subject = PaymentBlockSubject.BudgetHolder;
            Number = holder.ToString(CultureInfo.InvariantCulture);
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostBlockAsync(CancellationToken cancellationToken)
    {
        try
        {
            var subjectId = await SubjectIdAsync(cancellationToken);
            await blocks.BlockAsync(User.ToActor(), Subject, subjectId, Reason ?? string.Empty, From ?? time.Today(), Until, cancellationToken);
        }
        catch (BusinessRuleException refused)
        {
            var field = refused.Rule switch
            {
                "RedenVanBlokkade" => nameof(Reason),
                "BlokkadePeriode" => nameof(Until),
                _ => string.Empty,
            };
            ModelState.AddModelError(field, refused.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
        catch (NotVisibleException)
        {
            ModelState.AddModelError(nameof(Number), "Dit nummer hoort niet bij een budgethouder, zorgverlener of zorgovereenkomst van uw organisatie.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Melding"] = "De betalingsblokkade is ingesteld. Declaraties wachten tot de blokkade eindigt.";
        return RedirectToPage("/Blokkades", new { area = "Verstrekker" });
    }

    public async Task<IActionResult> OnPostLiftAsync(long id, CancellationToken cancellationToken)
    {
        await blocks.LiftAsync(User.ToActor(), id, cancellationToken);
        TempData["Melding"] = "De blokkade is opgeheven; de wachtende declaraties gaan mee in de volgende betaalrun.";
        return RedirectToPage("/Blokkades", new { area = "Verstrekker" });
    }

    public async Task<IActionResult> OnPostReleaseAsync(long id, CancellationToken cancellationToken)
    {
        await claims.ReleaseAsync(User.ToActor(), id, cancellationToken);
        TempData["Melding"] = "De declaratie is vrijgegeven voor betaling.";
        return RedirectToPage("/Blokkades", new { area = "Verstrekker" });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Blocks = await blocks.ListAsync(User.ToActor(), includeLifted: false, cancellationToken);
        Held = [.. (await claimQueries.ListAsync(ClaimStatus.Approved, cancellationToken)).Where(c => c.HoldReason is not null)];
    }

    // Providers by their provider number (ZV...), agreements by ZOK-number, budget holders by their id in OpenPgb.
    private async Task<long> SubjectIdAsync(CancellationToken cancellationToken)
    {
        var number = (Number ?? string.Empty).Trim();
        if (Subject == PaymentBlockSubject.CareProvider)
        {
            var providerNumber = number.ToUpperInvariant();
            return await db.CareProviders.Where(p => p.ProviderNumber == providerNumber).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotVisibleException(number);
        }

        var digits = number.StartsWith("ZOK-", StringComparison.OrdinalIgnoreCase) ? number[4..] : number;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new NotVisibleException(number);
    }
}
