using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Letters;

namespace OpenPgb.Web.Pages;

/// <summary>
/// What happened on one grant, for the pages that show one budget holder (the employee's budget-holder page, the
/// representative's budget page): its agreements, its claims with their payments, and its letters. Every list is read
/// through the signed-in user's scope filters. <see cref="Area"/> is the portal area whose detail pages the links open
/// ("Verstrekker" or "Budgethouder").
/// </summary>
public sealed record GrantActivity(
    IReadOnlyList<AgreementRow> Agreements,
    IReadOnlyList<ClaimRow> Claims,
    IReadOnlyList<LetterRow> Letters,
    string Area)
{
    public static async Task<GrantActivity> LoadAsync(
        long grantId, string area, CareAgreementQueries agreements, ClaimQueries claims, LetterService letters, CancellationToken cancellationToken) =>
        new(
            await agreements.ListAsync(grantId, cancellationToken),
            await claims.ListAsync(null, grantId, cancellationToken),
            await letters.VisibleLettersAsync(grantId, cancellationToken),
            area);
}
