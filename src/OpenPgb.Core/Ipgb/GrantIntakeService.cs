using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb.Rules;

namespace OpenPgb.Core.Ipgb;

/// <summary>
/// Receives a 501 from any channel and answers it with a 502, in the layers of IPGB.md: transport (size), header,
/// idempotency, schema (0001), then technical rules, conditions and business rules per record class. The intake
/// record and, when every record class has 0200, the new grant version are written in one transaction.
/// </summary>
public sealed partial class GrantIntakeService(
    OpenPgbDbContext db,
    TimeProvider time,
    CareFunctionCodeListCache codeLists,
    IntakeOptions options,
    ILogger<GrantIntakeService> logger)
{
    private const string GrantMessageCode = "501";

    /// <param name="authenticatedSender">The grantor code the channel authenticated, or null for channels that trust the file (CLI).</param>
    public async Task<IntakeResult> ReceiveAsync(
        ReadOnlyMemory<byte> raw,
        MessageChannel channel,
        string? authenticatedSender,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReceiveOnceAsync(raw, channel, authenticatedSender, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < 3 && IsUniqueViolation(ex))
            {
                // A concurrent message won a race (same identity, or a new budget holder or grant key). Nothing of
                // ours was written; the next attempt sees the winner's rows and answers a replay or applies on top.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IntakeResult> ReceiveOnceAsync(
        ReadOnlyMemory<byte> raw,
        MessageChannel channel,
        string? authenticatedSender,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = time.Today();

        if (raw.Length > options.MaxMessageBytes)
        {
            // Too large to keep: the record holds the size and hash only.
            var oversized = new IntakeMessage(channel, now, [], Sha256Hex.Of(raw.Span));
            return await RejectUnreadableAsync(oversized, null, authenticatedSender, today, $"Message of {raw.Length} bytes exceeds {options.MaxMessageBytes}.", cancellationToken);
        }

        var intake = new IntakeMessage(channel, now, raw.ToArray(), Sha256Hex.Of(raw.Span));
        var sniff = Message501Reader.SniffHeader(raw);
        if (!sniff.IsReadable)
        {
            return await RejectUnreadableAsync(intake, sniff, authenticatedSender, today, "Header unreadable.", cancellationToken);
        }

        var sender = sniff.Sender!;
        var schema = sniff.Schema!;
        var grantor = await db.Grantors.AsNoTracking().SingleOrDefaultAsync(g => g.Code == sender, cancellationToken);
        intake.Identify(sender, grantor?.Id, schema.MessageCode, sniff.Identification, sniff.DateSent, IpgbSchemas.VersionLabel(schema.Version));

        if (authenticatedSender is not null && authenticatedSender != sender)
        {
            intake.Conclude(IntakeOutcome.Refused, isOriginal: false, [], null);
            await SaveAsync(intake, cancellationToken);
            IntakeLog.Refused(logger, intake.Id, sender, authenticatedSender);
            return new IntakeResult(intake.Id, IntakeOutcome.Refused, true, [], null, "Sender is not the authenticated grantor.");
        }

        var schemaResult = Message501Reader.Load(raw, schema);
        intake.SetContentHash(schemaResult.ContentHash);
        var original = await db.IntakeMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.IsOriginal && m.Sender == sender && m.MessageCode == schema.MessageCode && m.Identification == sniff.Identification, cancellationToken);
        if (original is not null)
        {
            return await AnswerRepeatedIdentityAsync(intake, original, schemaResult, sniff, today, cancellationToken);
        }

        if (schemaResult.Message is not { } message)
        {
            return await RejectAsync(intake, schema.Version, sniff, [ReturnCodes.TechnicalRejection], null, null, today, schemaResult.Failure, cancellationToken);
        }

        intake.SetBudgetKey(message.Budget.BudgetKey);
        var context = new RuleContext(today, await codeLists.GetAsync(db, cancellationToken), channel, grantor, await LoadStoredFactsAsync(grantor, message, cancellationToken));
        var findings = MessageRules501.Evaluate(message, context);
        if (findings.HasErrors)
        {
            return await RejectAsync(intake, schema.Version, sniff, [], message, findings, today, null, cancellationToken);
        }

        var response = Retour502Writer.Write(new Retour502Input(schema.Version, sender, sniff.Identification, sniff.DateSent, [], message, findings), today);
        intake.Conclude(IntakeOutcome.Accepted, isOriginal: true, [ReturnCodes.NoRemark], response);
        var grant = await ApplyAsync(intake, grantor!, message, context.Stored, now, cancellationToken);
        await SaveAsync(intake, cancellationToken);
        IntakeLog.Accepted(logger, intake.Id, sender, sniff.Identification!, grant.CurrentVersionNumber, grant.Id);
        return new IntakeResult(intake.Id, IntakeOutcome.Accepted, true, [ReturnCodes.NoRemark], response, null);
    }

    private async Task<IntakeResult> AnswerRepeatedIdentityAsync(
        IntakeMessage intake,
        IntakeMessage original,
        SchemaResult schemaResult,
        HeaderSniff sniff,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        if (original.ContentHash == schemaResult.ContentHash)
        {
            intake.MarkReplayOf(original);
            await SaveAsync(intake, cancellationToken);
            IntakeLog.Replayed(logger, intake.Id, original.Id);
            return new IntakeResult(intake.Id, IntakeOutcome.Replayed, true, SplitCodes(original.ReturnCodes), original.Response, null);
        }

        // TR056: the identity was used before with other content.
        var findings = schemaResult.Message is null ? null : new RetourFindings();
        findings?.Add(RecordRef.Header, ReturnCodes.IdentificationNotUnique);
        return await RejectAsync(intake, sniff.Schema!.Version, sniff, [ReturnCodes.IdentificationNotUnique], schemaResult.Message, findings, today, null, cancellationToken, isOriginal: false);
    }

    private async Task<IntakeResult> RejectAsync(
        IntakeMessage intake,
        IpgbVersion version,
        HeaderSniff sniff,
        IReadOnlyList<string> headerCodes,
        Message501? message,
        RetourFindings? findings,
        DateOnly today,
        string? failure,
        CancellationToken cancellationToken,
        bool isOriginal = true)
    {
        var response = Retour502Writer.Write(new Retour502Input(version, sniff.Sender, sniff.Identification, sniff.DateSent, headerCodes, message, findings), today);
        var codes = findings?.ErrorCodes.ToList() ?? [.. headerCodes];
        intake.Conclude(IntakeOutcome.Rejected, isOriginal, codes, response);
        await SaveAsync(intake, cancellationToken);
        IntakeLog.Rejected(logger, intake.Id, intake.ReturnCodes, failure ?? "rules");
        return new IntakeResult(intake.Id, IntakeOutcome.Rejected, true, SplitCodes(intake.ReturnCodes), response, failure);
    }

    private async Task<IntakeResult> RejectUnreadableAsync(
        IntakeMessage intake,
        HeaderSniff? sniff,
        string? authenticatedSender,
        DateOnly today,
        string failure,
        CancellationToken cancellationToken)
    {
        var version = sniff?.Schema?.Version ?? IpgbVersion.V23;
        var receiver = authenticatedSender;
        if (receiver is not null)
        {
            var grantor = await db.Grantors.AsNoTracking().SingleOrDefaultAsync(g => g.Code == receiver, cancellationToken);
            intake.Identify(receiver, grantor?.Id, null, null, null, sniff?.Schema is { } s ? IpgbSchemas.VersionLabel(s.Version) : null);
        }

        var response = Retour502Writer.Write(new Retour502Input(version, receiver, null, null, [ReturnCodes.TechnicalRejection], null, null), today);
        intake.Conclude(IntakeOutcome.Rejected, isOriginal: false, [ReturnCodes.TechnicalRejection], response);
        await SaveAsync(intake, cancellationToken);
        IntakeLog.Unreadable(logger, intake.Id, failure);
        return new IntakeResult(intake.Id, IntakeOutcome.Rejected, false, [ReturnCodes.TechnicalRejection], response, failure);
    }

    private async Task<StoredBudgetFacts> LoadStoredFactsAsync(Grantor? grantor, Message501 message, CancellationToken cancellationToken)
    {
        if (grantor is null)
        {
            return StoredBudgetFacts.None;
        }

        var keys = new[] { message.Budget.BudgetKey, message.Budget.PreviousBudgetKey ?? message.Budget.BudgetKey };
        var grants = await db.Grants.AsNoTracking()
            .Where(g => g.GrantorId == grantor.Id && keys.Contains(g.BudgetKey))
            .Select(g => new { g.Id, g.BudgetKey, HolderBsn = g.BudgetHolder!.Bsn })
            .ToListAsync(cancellationToken);
        var ofKey = grants.SingleOrDefault(g => g.BudgetKey == message.Budget.BudgetKey);
        var ofPrevious = message.Budget.PreviousBudgetKey is { } previous ? grants.SingleOrDefault(g => g.BudgetKey == previous) : null;
        return new StoredBudgetFacts(ofKey?.Id, ofKey?.HolderBsn, ofPrevious?.Id, ofPrevious?.HolderBsn);
    }

    private async Task<Grant> ApplyAsync(IntakeMessage intake, Grantor grantor, Message501 message, StoredBudgetFacts stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var client = message.Client;
        var holder = await db.BudgetHolders.SingleOrDefaultAsync(b => b.Bsn == client.Bsn, cancellationToken);
        if (holder is null)
        {
            holder = new Parties.BudgetHolder(client.Bsn, client.BirthDate, client.Name);
            db.BudgetHolders.Add(holder);
        }
        else
        {
            holder.UpdatePersonalData(client.BirthDate, client.Name);
        }

        var grantId = stored.GrantIdOfPreviousKey ?? stored.GrantIdOfKey;
        Grant grant;
        if (grantId is null)
        {
            grant = new Grant(grantor.Id, holder, message.Budget.BudgetKey, message.Budget.Law);
            db.Grants.Add(grant);
        }
        else
        {
            grant = await db.Grants.Include(g => g.Versions.Where(v => v.IsCurrent)).Include(g => g.Access).SingleAsync(g => g.Id == grantId, cancellationToken);
            if (grant.BudgetKey != message.Budget.BudgetKey)
            {
                grant.ReKey(message.Budget.BudgetKey);
            }
        }

        var budget = message.Budget;
        var content = new GrantVersionContent(
            budget.Law,
            budget.GrantDate,
            [.. budget.CareFunctionBudgets.Select(b => new CareFunctionBudget(b.CareFunction, b.StartDate, b.EndDate, b.AmountCents, b.UnaccountableCents))],
            [.. budget.Representatives.Select(r => new Representative(r.Role, r.Bsn, r.BirthDate, r.Name, r.Rights, r.ReceivesCorrespondence))],
            budget.Contact);
        grant.AddVersion(content, intake, now);
        intake.LinkGrant(grant);
        return grant;
    }

    private async Task SaveAsync(IntakeMessage intake, CancellationToken cancellationToken)
    {
        if (db.Entry(intake).State == EntityState.Detached)
        {
            db.IntakeMessages.Add(intake);
        }

        // One SaveChanges: EF wraps it in one transaction, so the record and the version land together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    private static string[] SplitCodes(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    // Log lines carry ids and codes only: never a BSN or a name.
    private static partial class IntakeLog
    {
        [LoggerMessage(LogLevel.Warning, "Intake {IntakeId} refused: sender {Sender} is not the authenticated grantor {Authenticated}")]
        public static partial void Refused(ILogger logger, long intakeId, string sender, string authenticated);

        [LoggerMessage(LogLevel.Information, "Intake {IntakeId} accepted: {Sender}/{Identification} made version {Version} of grant {GrantId}")]
        public static partial void Accepted(ILogger logger, long intakeId, string sender, string identification, int version, long grantId);

        [LoggerMessage(LogLevel.Information, "Intake {IntakeId} is a replay of {OriginalId}; stored 502 answered again")]
        public static partial void Replayed(ILogger logger, long intakeId, long originalId);

        [LoggerMessage(LogLevel.Information, "Intake {IntakeId} rejected with {Codes}: {Failure}")]
        public static partial void Rejected(ILogger logger, long intakeId, string codes, string failure);

        [LoggerMessage(LogLevel.Information, "Intake {IntakeId} rejected with 0001, header unreadable: {Failure}")]
        public static partial void Unreadable(ILogger logger, long intakeId, string failure);
    }
}
