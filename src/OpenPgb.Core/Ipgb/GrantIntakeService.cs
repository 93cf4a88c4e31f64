using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenPgb.Core.Access;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb.Rules;

namespace OpenPgb.Core.Ipgb;

/// <summary>
/// Receives 501s from any channel and answers each with a 502, in the layers of IPGB.md: transport (size), header,
/// idempotency, schema (0001), then technical rules, conditions and business rules per record class.
/// Messages are taken in batches (one for HTTP, hundreds for files): stored state is read set-wise, messages are
/// decided in order, and the batch is written with one SaveChanges, so each message's intake record and grant version
/// land together or not at all. A rejected message writes only its intake record.
/// </summary>
public sealed partial class GrantIntakeService(
    OpenPgbDbContext db,
    TimeProvider time,
    CareFunctionCodeListCache codeLists,
    IntakeOptions options,
    Ledger.BudgetLedger ledger,
    WorkTasks.WorkTaskService tasks,
    ILogger<GrantIntakeService> logger)
{
    /// <param name="authenticatedSender">The grantor code the channel authenticated, or null for channels that trust the file (CLI).</param>
    public async Task<IntakeResult> ReceiveAsync(ReadOnlyMemory<byte> raw, MessageChannel channel, string? authenticatedSender, CancellationToken cancellationToken)
    {
        var results = await ReceiveBatchAsync([PreparedMessage.Prepare(raw, options.MaxMessageBytes)], channel, authenticatedSender, cancellationToken);
        return results[0];
    }

    public async Task<IReadOnlyList<IntakeResult>> ReceiveBatchAsync(
        IReadOnlyList<PreparedMessage> batch,
        MessageChannel channel,
        string? authenticatedSender,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyAsync(batch, channel, authenticatedSender, cancellationToken);
            }
            catch (Exception ex) when (IsUniqueViolation(ex) && (batch.Count > 1 || attempt < 3))
            {
                // A concurrent writer won a race (same identity, a new budget holder or grant key). Nothing of this
                // batch was written. One message: try again, it now sees the winner. Several: take them one by one.
                db.ChangeTracker.Clear();
                if (batch.Count > 1)
                {
                    var results = new List<IntakeResult>(batch.Count);
                    foreach (var message in batch)
                    {
                        results.AddRange(await ReceiveBatchAsync([message], channel, authenticatedSender, cancellationToken));
                    }

                    return results;
                }
            }
        }
    }

    /// <summary>
    /// PostgreSQL: analyses the tables a batch reads, so that plans made while they were small are made again (an
    /// ANALYZE invalidates the cached plans of a table's statements). For bulk imports; SQLite needs nothing.
    /// </summary>
    public async Task RefreshPlannerStatisticsAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(
                """ANALYZE "IntakeMessages", "Grants", "GrantVersions", "GrantAccess", "CareFunctionBudgets", "Representatives", "BudgetHolders", "Stragglers" """,
                cancellationToken);
        }
    }

    private async Task<IReadOnlyList<IntakeResult>> ApplyAsync(IReadOnlyList<PreparedMessage> batch, MessageChannel channel, string? authenticatedSender, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = time.Today();
        var state = await IntakeBatchState.LoadAsync(db, batch, authenticatedSender, cancellationToken);
        var codes = await codeLists.GetAsync(db, cancellationToken);
        var decided = new List<(IntakeMessage Intake, Decision Decision)>(batch.Count);
        var added = new IntakeAdditions();
        foreach (var prepared in batch)
        {
            var intake = new IntakeMessage(channel, now, prepared.Raw, prepared.RawHash);
            added.Intakes.Add(intake);
            decided.Add((intake, Decide(prepared, intake, state, added, new RuleContext(today, codes, channel, null, StoredBudgetFacts.None), authenticatedSender, now)));
        }

        Answer(decided, today);
        var idOf = await SaveAsync(added, cancellationToken);
        var results = decided.Select(d => Result(idOf(d.Intake), d.Intake, d.Decision)).ToList();
        foreach (var (intake, decision) in decided)
        {
            Log(idOf, intake, decision);
        }

        var changedGrants = decided.Where(d => d.Decision.Grant is { CurrentVersionNumber: > 1 }).Select(d => idOf(d.Decision.Grant!)).Distinct().ToList();
        db.ChangeTracker.Clear();
        if (changedGrants.Count > 0)
        {
            await RaiseBudgetBelowCommittedAsync(changedGrants, cancellationToken);
        }

        return results;
    }

    /// <summary>
    /// Business consequence, not a rejection (IPGB.md): a new version that lowers or ends a care-function budget below
    /// what is already paid or committed was applied; the grantor gets a work task (one open task per grant).
    /// </summary>
    private async Task RaiseBudgetBelowCommittedAsync(IReadOnlyList<long> grantIds, CancellationToken cancellationToken)
    {
        var booked = await db.LedgerAccounts.Unfiltered(Because.SystemProcess).Where(a => a.GrantId != null && grantIds.Contains(a.GrantId.Value)).Select(a => a.GrantId!.Value).Distinct().ToListAsync(cancellationToken);
        if (booked.Count == 0)
        {
            return;
        }

        var versions = await db.GrantVersions.AsNoTracking().Include(v => v.CareFunctionBudgets).Where(v => v.IsCurrent && booked.Contains(v.GrantId)).ToListAsync(cancellationToken);
        var positions = await ledger.PositionsAsync(versions, cancellationToken);
        var open = await db.WorkTasks.Where(t => t.Type == WorkTasks.WorkTaskType.BudgetBelowCommitted && t.Status == WorkTasks.WorkTaskStatus.Open && t.SubjectKind == WorkTasks.WorkTaskSubject.Grant && booked.Contains(t.SubjectId))
            .Select(t => t.SubjectId).ToListAsync(cancellationToken);
        var grants = await db.Grants.AsNoTracking().Where(g => booked.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        foreach (var version in versions.Where(v => !open.Contains(v.GrantId)))
        {
            var shortfalls = positions[version.GrantId].Where(p => p.RemainingCents < 0).ToList();
            if (shortfalls.Count == 0)
            {
                continue;
            }

            var grant = grants[version.GrantId];
            var detail = string.Join(", ", shortfalls.Select(p => $"zorgfunctie {p.CareFunctionCode} {p.Year}: {Money.FormatEuro(-p.RemainingCents)} tekort"));
            tasks.Create(grant.GrantorId, WorkTasks.WorkTaskType.BudgetBelowCommitted, WorkTasks.WorkTaskSubject.Grant, grant.Id, grant.BudgetHolderId, $"Budget {grant.BudgetKey} lager dan betaald en vastgelegd ({detail})", 10);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes the batch in one transaction and returns how to find the id of anything it wrote.</summary>
    private async Task<Func<object, long>> SaveAsync(IntakeAdditions added, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            db.AddRange(added.Roots);
            await db.SaveChangesAsync(cancellationToken);
            return entity => Convert.ToInt64(db.Entry(entity).Property("Id").CurrentValue, System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var writer = new PostgresIntakeWriter(db);
        await writer.WriteAsync(added, cancellationToken);
        // The copied rows are detached; without this, EF would find them again through navigations and insert them.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        await transaction.CommitAsync(cancellationToken);
        return writer.IdOf;
    }

    private Decision Decide(PreparedMessage prepared, IntakeMessage intake, IntakeBatchState state, IntakeAdditions added, RuleContext baseContext, string? authenticatedSender, DateTimeOffset now)
    {
        if (prepared.Oversized || prepared.Sniff is not { IsReadable: true } sniff)
        {
            var version = prepared.Sniff?.Schema?.Version ?? IpgbVersion.V23;
            if (authenticatedSender is not null)
            {
                intake.Identify(authenticatedSender, state.Grantor(authenticatedSender)?.Id, null, null, null, prepared.Sniff?.Schema is { } s ? IpgbSchemas.VersionLabel(s.Version) : null);
            }

            intake.Conclude(IntakeOutcome.Rejected, isOriginal: false, [ReturnCodes.TechnicalRejection], null);
            return new Decision(
                false,
                prepared.Oversized ? $"Message exceeds {options.MaxMessageBytes} bytes." : "Header unreadable.",
                null,
                new Retour502Input(version, authenticatedSender, null, null, [ReturnCodes.TechnicalRejection], null, null));
        }

        var sender = sniff.Sender!;
        var schema = sniff.Schema!;
        var grantor = state.Grantor(sender);
        intake.Identify(sender, grantor?.Id, schema.MessageCode, sniff.Identification, sniff.DateSent, IpgbSchemas.VersionLabel(schema.Version));
        if (authenticatedSender is not null && authenticatedSender != sender)
        {
            intake.Conclude(IntakeOutcome.Refused, isOriginal: false, [], null);
            return new Decision(true, "Sender is not the authenticated grantor.", null, null);
        }

        var schemaResult = prepared.Schema!;
        intake.SetContentHash(schemaResult.ContentHash);
        if (state.Original(sender, schema.MessageCode, sniff.Identification!) is { } original)
        {
            if (original.ContentHash == schemaResult.ContentHash)
            {
                intake.MarkReplayOf(original.Id, original.InBatch, original.ReturnCodes, original.Response, original.GrantId, original.GrantInBatch, original.BudgetKey);
                return new Decision(true, null, null, null);
            }

            // TR056: the identity was used before with other content.
            var duplicate = schemaResult.Message is null ? null : new RetourFindings();
            duplicate?.Add(RecordRef.Header, ReturnCodes.IdentificationNotUnique);
            return Reject(intake, schema.Version, sniff, [ReturnCodes.IdentificationNotUnique], schemaResult.Message, duplicate, null, isOriginal: false);
        }

        if (schemaResult.Message is not { } message)
        {
            var rejected = Reject(intake, schema.Version, sniff, [ReturnCodes.TechnicalRejection], null, null, schemaResult.Failure, isOriginal: true);
            state.AddOriginal(intake, null);
            return rejected;
        }

        intake.SetBudgetKey(message.Budget.BudgetKey);
        var context = baseContext with { Sender = grantor, Stored = state.FactsFor(grantor, message) };
        var findings = MessageRules501.Evaluate(message, context);
        if (findings.HasErrors)
        {
            var rejected = Reject(intake, schema.Version, sniff, [], message, findings, null, isOriginal: true);
            state.AddOriginal(intake, null);
            return rejected;
        }

        intake.Conclude(IntakeOutcome.Accepted, isOriginal: true, [ReturnCodes.NoRemark], null);
        var grant = Apply(intake, grantor!.Id, message, state, added, now);
        state.AddOriginal(intake, grant);
        return new Decision(true, null, grant, new Retour502Input(schema.Version, sender, sniff.Identification, sniff.DateSent, [], message, findings));
    }

    private static Decision Reject(IntakeMessage intake, IpgbVersion version, HeaderSniff sniff, IReadOnlyList<string> headerCodes, Message501? message, RetourFindings? findings, string? failure, bool isOriginal)
    {
        intake.Conclude(IntakeOutcome.Rejected, isOriginal, findings?.ErrorCodes.ToList() ?? [.. headerCodes], null);
        return new Decision(true, failure ?? "rules", null, new Retour502Input(version, sniff.Sender, sniff.Identification, sniff.DateSent, headerCodes, message, findings));
    }

    /// <summary>
    /// Writes (and checks against our 502 schema) the answers of a decided batch on every core: nothing in a 502
    /// depends on another message. A replay of a message earlier in the batch then gets that message's answer.
    /// </summary>
    private static void Answer(List<(IntakeMessage Intake, Decision Decision)> decided, DateOnly today)
    {
        Parallel.ForEach(decided.Where(d => d.Decision.Answer is not null), d => d.Intake.Answer(Retour502Writer.Write(d.Decision.Answer!, today)));
        foreach (var (intake, _) in decided)
        {
            if (intake.ReplayOf is { Response: { } response })
            {
                intake.Answer(response);
            }
        }
    }

    private static Grant Apply(IntakeMessage intake, int grantorId, Message501 message, IntakeBatchState state, IntakeAdditions added, DateTimeOffset now)
    {
        var holder = state.HolderFor(message.Client, added);
        var budget = message.Budget;
        var grant = state.GrantOf(grantorId, budget.PreviousBudgetKey) ?? state.GrantOf(grantorId, budget.BudgetKey);
        string? previousKey = null;
        if (grant is null)
        {
            grant = new Grant(grantorId, holder, budget.BudgetKey, budget.Law);
            added.Grants.Add(grant);
        }
        else if (grant.BudgetKey != budget.BudgetKey)
        {
            previousKey = grant.BudgetKey;
            grant.ReKey(budget.BudgetKey);
        }

        var content = new GrantVersionContent(
            budget.Law,
            budget.GrantDate,
            [.. budget.CareFunctionBudgets.Select(b => new CareFunctionBudget(b.CareFunction, b.StartDate, b.EndDate, b.AmountCents, b.UnaccountableCents))],
            [.. budget.Representatives.Select(r => new Representative(r.Role, r.Bsn, r.BirthDate, r.Name, r.Rights, r.ReceivesCorrespondence))],
            budget.Contact);
        added.Versions.Add(grant.AddVersion(content, intake, now));
        intake.LinkGrant(grant);
        state.Track(grant, previousKey);
        return grant;
    }

    private static IntakeResult Result(long intakeId, IntakeMessage intake, Decision decision) => new(
        intakeId,
        intake.Outcome,
        decision.HeaderReadable,
        intake.ReturnCodes.Split(',', StringSplitOptions.RemoveEmptyEntries),
        intake.Response,
        decision.Failure);

    private void Log(Func<object, long> idOf, IntakeMessage intake, Decision decision)
    {
        var id = idOf(intake);
        switch (intake.Outcome)
        {
            case IntakeOutcome.Accepted:
                IntakeLog.Accepted(logger, id, intake.Sender!, intake.Identification!, decision.Grant!.CurrentVersionNumber, idOf(decision.Grant));
                break;
            case IntakeOutcome.Replayed:
                IntakeLog.Replayed(logger, id, intake.ReplayOf is { } original ? idOf(original) : intake.ReplayOfId ?? 0);
                break;
            case IntakeOutcome.Refused:
                IntakeLog.Refused(logger, id, intake.Sender ?? "?");
                break;
            case IntakeOutcome.Rejected when !decision.HeaderReadable:
                IntakeLog.Unreadable(logger, id, decision.Failure ?? string.Empty);
                break;
            case IntakeOutcome.Rejected:
                IntakeLog.Rejected(logger, id, intake.ReturnCodes, decision.Failure ?? "rules");
                break;
        }
    }

    private static bool IsUniqueViolation(Exception ex) => (ex is DbUpdateException { InnerException: { } inner } ? inner : ex) switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <param name="HeaderReadable">False when the header could not be read: HTTP answers 400 instead of 200.</param>
    /// <param name="Answer">The 502 to write for this message; null for a replay (it gets its original's) or a refusal.</param>
    private sealed record Decision(bool HeaderReadable, string? Failure, Grant? Grant, Retour502Input? Answer);

    // Log lines carry ids and codes only: never a BSN or a name.
    private static partial class IntakeLog
    {
        [LoggerMessage(LogLevel.Warning, "Intake {IntakeId} refused: sender {Sender} is not the authenticated grantor")]
        public static partial void Refused(ILogger logger, long intakeId, string sender);

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
