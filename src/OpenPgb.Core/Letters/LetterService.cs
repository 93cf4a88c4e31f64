using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core.Letters;

public sealed record LetterRow(long Id, string Subject, LetterKind Kind, DateTimeOffset CreatedAt, PrintRoute Route, PrintStatus PrintStatus, long BudgetHolderId, long GrantId);

/// <summary>Writes the decision letters of agreements, and routes them to the grantor's print task or the print street.</summary>
public sealed class LetterService(OpenPgbDbContext db, WorkTaskService tasks, AccessLog accessLog, TimeProvider time)
{
    /// <summary>Renders and adds the letter for a decided version; the caller saves it with the decision.</summary>
    internal Letter AddDecisionLetter(CareAgreement agreement, CareAgreementVersion version, Grant grant, Grantor grantor, string providerName, LetterPrinting printing)
    {
        var holder = grant.BudgetHolder ?? throw new InvalidOperationException("The grant's budget holder must be loaded.");
        var current = grant.CurrentVersion ?? throw new InvalidOperationException("The grant's current version must be loaded.");
        var approved = version.Status == AgreementStatus.Approved;
        var subject = approved ? "Goedkeuring zorgovereenkomst" : "Afwijzing zorgovereenkomst";
        var content = new LetterContent(
            grantor.Name,
            time.Today(),
            $"ZOK-{agreement.Id}-{version.Number}",
            subject,
            "Geachte heer/mevrouw,",
            DecisionParagraphs(version, approved, providerName, grantor.Name),
            Recipients(holder.Name.Display, current));
        var route = printing == LetterPrinting.Grantor ? PrintRoute.Grantor : PrintRoute.PrintStreet;
        var letter = new Letter(grantor.Id, grant.Id, holder.Id, agreement.Id, version.Id, approved ? LetterKind.AgreementApproved : LetterKind.AgreementRejected, subject, LetterRenderer.Render(content), route, time.GetUtcNow(), content);
        db.Letters.Add(letter);
        return letter;
    }

    /// <summary>After the letter has an id: the grantor that prints itself gets a work task with the PDF.</summary>
    internal void AddPrintTask(Letter letter)
    {
        if (letter.Route == PrintRoute.Grantor)
        {
            tasks.Create(letter.GrantorId, WorkTaskType.PrintLetter, WorkTaskSubject.Letter, letter.Id, letter.BudgetHolderId, $"Brief printen: {letter.Subject} (ZOK-{letter.CareAgreementId})", daysToDeadline: 5);
        }
    }

    /// <summary>The letters a citizen may read: of their own grants and the grants they represent.</summary>
    public Task<IReadOnlyList<LetterRow>> VisibleLettersAsync(CancellationToken cancellationToken) => VisibleLettersAsync(null, cancellationToken);

    /// <summary>The visible letters of one grant (or all, for null).</summary>
    public async Task<IReadOnlyList<LetterRow>> VisibleLettersAsync(long? grantId, CancellationToken cancellationToken) =>
        await db.Letters.AsNoTracking().Where(l => grantId == null || l.GrantId == grantId).OrderByDescending(l => l.CreatedAt)
            .Select(l => new LetterRow(l.Id, l.Subject, l.Kind, l.CreatedAt, l.Route, l.PrintStatus, l.BudgetHolderId, l.GrantId))
            .ToListAsync(cancellationToken);

    /// <summary>The PDF, if the current scope may see it. Staff opening a letter is a read of personal data.</summary>
    public async Task<Letter?> OpenAsync(Actor actor, long letterId, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId, cancellationToken);
        if (letter is not null && Rights.IsLoggedRead(actor))
        {
            await accessLog.ReadAndSaveAsync(actor, letter.BudgetHolderId, "brief bekeken", $"brief {letter.Id}", cancellationToken);
        }

        return letter;
    }

    /// <summary>The grantor printed and posted a letter itself: the print task is done.</summary>
    public async Task MarkSentByGrantorAsync(Actor actor, long letterId, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.SingleOrDefaultAsync(l => l.Id == letterId && l.Route == PrintRoute.Grantor, cancellationToken)
            ?? throw new NotVisibleException($"Letter {letterId} is not one the grantor prints.");
        letter.MarkPrinted(actor.Name, time.GetUtcNow());
        await tasks.CompleteOpenAsync(WorkTaskType.PrintLetter, WorkTaskSubject.Letter, letter.Id, actor.Name, cancellationToken);
        accessLog.Changed(actor, letter.BudgetHolderId, "brief verstuurd", $"brief {letter.Id}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> PrintStreetQueueLengthAsync(CancellationToken cancellationToken) =>
        await db.Letters.CountAsync(l => l.Route == PrintRoute.PrintStreet && l.PrintStatus == PrintStatus.AwaitingPrint, cancellationToken);

    /// <summary>The ids of the print street's next batch: the oldest waiting letters.</summary>
    public async Task<IReadOnlyList<long>> PrintStreetBatchIdsAsync(int maximum, CancellationToken cancellationToken) =>
        await db.Letters.AsNoTracking()
            .Where(l => l.Route == PrintRoute.PrintStreet && l.PrintStatus == PrintStatus.AwaitingPrint)
            .OrderBy(l => l.Id).Take(maximum)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The print street's batch as one PDF, with its letter ids for marking them printed. The operator downloading it
    /// reads every addressee's letter, so each is logged (NEN 7513).
    /// </summary>
    public async Task<(byte[] Pdf, IReadOnlyList<long> LetterIds)> PrintStreetBatchAsync(Actor actor, int maximum, CancellationToken cancellationToken)
    {
        var letters = await db.Letters.AsNoTracking()
            .Where(l => l.Route == PrintRoute.PrintStreet && l.PrintStatus == PrintStatus.AwaitingPrint)
            .OrderBy(l => l.Id).Take(maximum)
            .Select(l => new { l.Id, l.Pdf, l.BudgetHolderId })
            .ToListAsync(cancellationToken);
        if (letters.Count == 0)
        {
            return ([], []);
        }

        foreach (var letter in letters)
        {
            accessLog.Read(actor, letter.BudgetHolderId, "brief gedownload voor printstraat", $"brief {letter.Id}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return (LetterRenderer.Merge(letters.Select(l => l.Pdf)), letters.Select(l => l.Id).ToList());
    }

    public async Task<int> MarkPrintedAsync(Actor actor, IReadOnlyCollection<long> letterIds, CancellationToken cancellationToken)
    {
        var letters = await db.Letters
            .Where(l => letterIds.Contains(l.Id) && l.Route == PrintRoute.PrintStreet && l.PrintStatus == PrintStatus.AwaitingPrint)
            .ToListAsync(cancellationToken);
        foreach (var letter in letters)
        {
            letter.MarkPrinted(actor.Name, time.GetUtcNow());
            accessLog.Changed(actor, letter.BudgetHolderId, "brief geprint", $"brief {letter.Id} via printstraat");
        }

        await db.SaveChangesAsync(cancellationToken);
        return letters.Count;
    }

    private static List<string> DecisionParagraphs(CareAgreementVersion version, bool approved, string providerName, string grantorName)
    {
        var reason = AssessmentReasons.NameOf(version.DecisionReasonCode ?? string.Empty);
        var period = $"{version.StartDate:dd-MM-yyyy} tot en met {version.EndDate:dd-MM-yyyy}";
        var paragraphs = new List<string>
        {
            approved
                ? $"U hebt een zorgovereenkomst gesloten met zorgverlener {LetterText.QuotedName(providerName)} voor de periode {period}. Wij hebben deze zorgovereenkomst beoordeeld en goedgekeurd."
                : $"U hebt een zorgovereenkomst gesloten met zorgverlener {LetterText.QuotedName(providerName)} voor de periode {period}. Wij hebben deze zorgovereenkomst beoordeeld en afgewezen.",
            $"Tarief: {Money.FormatEuro(version.TariffCents)} {AgreementTexts.NameOf(version.TariffUnit)}. Zorgfuncties: {string.Join(", ", version.CareFunctionCodes)}.",
            $"Reden: {reason}.",
        };
        if (!string.IsNullOrWhiteSpace(version.DecisionText))
        {
            paragraphs.Add($"Toelichting: {version.DecisionText}");
        }

        paragraphs.Add(approved
            ? "De zorgverlener kan vanaf nu declaraties indienen binnen deze overeenkomst. U keurt die declaraties goed in het portaal."
            : "Zolang de zorgovereenkomst niet is goedgekeurd, kunnen wij de zorgverlener niet uit uw budget betalen.");
        paragraphs.Add(
            $"Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van deze brief bezwaar maken bij {grantorName}. "
            + "Stuur een brief met uw naam, adres, de datum, het kenmerk van deze brief en waarom u het er niet mee eens bent, en onderteken die.");
        return paragraphs;
    }

    // The budget holder always; every representative who receives correspondence gets their own copy.
    private static List<LetterRecipient> Recipients(string holderName, GrantVersion current)
    {
        var address = current.Contact is { } c
            ? new List<string> { $"{c.Street} {c.HouseNumber}{c.HouseNumberAddition}".Trim(), $"{c.PostalCode} {c.City}" }
            : [];
        var recipients = new List<LetterRecipient> { new(holderName, address) };
        recipients.AddRange(current.Representatives.Where(r => r.ReceivesCorrespondence)
            .Select(r => new LetterRecipient($"{r.Name.Display} ({r.RoleName} van {holderName})", address)));
        return recipients;
    }
}
