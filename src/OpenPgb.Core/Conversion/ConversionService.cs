using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;

namespace OpenPgb.Core.Conversion;

/// <summary>The conversion cannot start: an unknown grantor, an unreadable directory (the CLI answers 2).</summary>
public sealed class ConversionException(string message) : Exception(message);

/// <summary>A payment run (or another conversion) holds the lease; nothing was done (the CLI answers 3).</summary>
public sealed class ConversionBusyException(string message) : Exception(message);

/// <summary>
/// Steps 2 and 3 of a grantor's conversion (CONVERSION.md): the trial and the run, one code path. The export is read and
/// checked; against the database every budget of a converted budget holder must be in OpenPgb as the grantor's 501s
/// delivered it; then, in one transaction, stragglers are recorded, providers matched or created, agreements, claims
/// and historic payments carried over, the ledger booked per budget and the result reconciled to the cent with the
/// export. A trial, a blocking finding or a difference of one cent rolls the transaction back, so nothing is kept;
/// a successful run commits it with its <see cref="GrantorConversion"/> record, which makes a second run answer
/// <c>already-converted</c>. The payment run's lease is held meanwhile: they both write claims and the ledger.
/// </summary>
public sealed class ConversionService(OpenPgbDbContext db, DatabaseSettings database, TimeProvider time, ILogger<ConversionService> logger)
{
    private const int ClaimBatch = 5_000;
    private const int AgreementBatch = 1_000;

    public Task<ConversionReport> TrialAsync(string grantorCode, string exportDirectory, string by, CancellationToken cancellationToken) =>
        ConvertAsync(grantorCode, exportDirectory, by, trial: true, cancellationToken);

    public Task<ConversionReport> RunAsync(string grantorCode, string exportDirectory, string by, CancellationToken cancellationToken) =>
        ConvertAsync(grantorCode, exportDirectory, by, trial: false, cancellationToken);

    private async Task<ConversionReport> ConvertAsync(string grantorCode, string exportDirectory, string by, bool trial, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        if (!Directory.Exists(exportDirectory))
        {
            throw new ConversionException($"Export directory '{exportDirectory}' does not exist.");
        }

        var grantor = await db.Grantors.SingleOrDefaultAsync(g => g.Code == grantorCode, cancellationToken)
            ?? throw new ConversionException($"Grantor {grantorCode} does not exist.");
        if (await db.GrantorConversions.AsNoTracking().SingleOrDefaultAsync(c => c.GrantorId == grantor.Id, cancellationToken) is { } done)
        {
            return new(done.Summary(grantor.Code, ConversionStatuses.AlreadyConverted), [], [], [], []);
        }

        using var read = await Pgb1ExportReader.ReadAsync(exportDirectory, grantor.Code, cancellationToken);
        var findings = read.Findings.ToList();
        var today = time.Today();
        if (grantor.IsLiveOn(today))
        {
            findings.Insert(0, ConversionFinding.Blocking(FindingKinds.Live, grantor.Code, $"Verstrekker {grantor.Code} is live sinds {grantor.LiveFrom:dd-MM-yyyy}: converteren kan alleen vóór de livedatum."));
        }

        if (read.Export is not { } export)
        {
            return Refused(grantor.Code, null, null, findings);
        }

        var totals = ClaimTotals.Of(export);
        var plan = await PlanAsync(grantor, export, findings, cancellationToken);
        if (findings.Any(f => f.Severity == FindingSeverity.Blocking))
        {
            return Refused(grantor.Code, export, totals, findings);
        }

        await using var lease = await JobLease.TryAcquireAsync(database, PaymentRunService.LeaseName, cancellationToken)
            ?? throw new ConversionBusyException("A payment run or another conversion is in progress; the conversion did not start. Try again when it has finished.");

        // Under the lease no other conversion runs: one that finished while this one read the export is seen now.
        if (await db.GrantorConversions.AsNoTracking().SingleOrDefaultAsync(c => c.GrantorId == grantor.Id, cancellationToken) is { } finished)
        {
            return new(finished.Summary(grantor.Code, ConversionStatuses.AlreadyConverted), [], [], [], []);
        }

        // A large grantor's statements run for minutes, not the default 30 seconds.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Phase(grantor.Code, "export read and planned", started);
        var applied = await ApplyAsync(grantor, export, exportDirectory, plan, totals, findings, by, started, cancellationToken);
        Phase(grantor.Code, "applied and booked", started);
        var reconciliation = await ReconcileAsync(grantor, export, plan, totals, findings, cancellationToken);
        Phase(grantor.Code, "reconciled", started);
        var blocking = findings.Count(f => f.Severity == FindingSeverity.Blocking);
        var status = blocking > 0 ? ConversionStatuses.Refused : trial ? ConversionStatuses.Trial : ConversionStatuses.Converted;
        var summary = Summarise(grantor.Code, status, export, totals, findings) with { ProvidersCreated = applied.Invitations.Count, ProvidersMatched = applied.Matched };
        if (status == ConversionStatuses.Converted)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return new(summary, findings, reconciliation, Stragglers(export), applied.Invitations);
    }

    /// <summary>What the database must already hold: the grants, with every budget of a converted budget holder as the export has it.</summary>
    private async Task<Plan> PlanAsync(Grantor grantor, Pgb1Export export, List<ConversionFinding> findings, CancellationToken cancellationToken)
    {
        var stragglers = Stragglers(export).Select(s => s.Bsn).ToHashSet(StringComparer.Ordinal);
        var keys = export.Budgets.Where(b => !stragglers.Contains(b.Bsn)).Select(b => b.BudgetKey).Distinct(StringComparer.Ordinal).ToList();
        var grants = new Dictionary<string, GrantFacts>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(1_000))
        {
            var found = await db.Grants.AsNoTracking()
                .Where(g => g.GrantorId == grantor.Id && chunk.Contains(g.BudgetKey))
                .Select(g => new
                {
                    g.Id,
                    g.BudgetKey,
                    g.BudgetHolderId,
                    Bsn = g.BudgetHolder!.Bsn,
                    Budgets = g.Versions.Where(v => v.IsCurrent).SelectMany(v => v.CareFunctionBudgets)
                        .Select(b => new { b.CareFunctionCode, b.StartDate, b.EndDate, b.AmountCents }).ToList(),
                })
                .ToListAsync(cancellationToken);
            foreach (var g in found)
            {
                grants[g.BudgetKey] = new(g.Id, g.BudgetHolderId, g.Bsn, g.Budgets.Select(b => (b.CareFunctionCode, b.StartDate, b.EndDate, b.AmountCents)).ToList());
            }
        }

        foreach (var budget in export.Budgets.Where(b => !stragglers.Contains(b.Bsn)))
        {
            var key = $"{budget.BudgetKey}/{budget.CareFunctionCode}";
            if (!grants.TryGetValue(budget.BudgetKey, out var grant))
            {
                findings.Add(ConversionFinding.Blocking(FindingKinds.BudgetMissing, key, $"Budget {budget.BudgetKey} staat niet in OpenPgb: de verstrekker levert het eerst als 501 over het conversiekanaal."));
                continue;
            }

            if (grant.Bsn != budget.Bsn)
            {
                findings.Add(ConversionFinding.Blocking(FindingKinds.BudgetDifferent, key, $"Budget {budget.BudgetKey} hoort in OpenPgb bij een andere budgethouder dan in PGB1."));
                continue;
            }

            var ours = grant.Budgets.Where(b => b.Code == budget.CareFunctionCode).ToList();
            if (ours.Count == 0)
            {
                findings.Add(ConversionFinding.Blocking(FindingKinds.BudgetMissing, key, $"Budget {budget.BudgetKey} heeft in OpenPgb geen zorgfunctie {budget.CareFunctionCode}."));
            }
            else if (!ours.Any(b => b.Start == budget.StartDate && b.End == budget.EndDate && b.AmountCents == budget.AmountCents))
            {
                var o = ours[0];
                findings.Add(ConversionFinding.Blocking(FindingKinds.BudgetDifferent, key,
                    $"Budget {budget.BudgetKey} zorgfunctie {budget.CareFunctionCode} is in OpenPgb {o.Start:yyyy-MM-dd} t/m {o.End:yyyy-MM-dd}, {o.AmountCents} cent; in PGB1 {budget.StartDate:yyyy-MM-dd} t/m {budget.EndDate:yyyy-MM-dd}, {budget.AmountCents} cent."));
            }
        }

        return new(grants, stragglers);
    }

    private async Task<Applied> ApplyAsync(Grantor grantor, Pgb1Export export, string exportDirectory, Plan plan, ClaimTotals totals, List<ConversionFinding> findings, string by, long started, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existingStragglers = await db.Stragglers.Where(s => s.GrantorId == grantor.Id).Select(s => s.Bsn).ToListAsync(cancellationToken);
        db.Stragglers.AddRange(Stragglers(export).Where(s => !existingStragglers.Contains(s.Bsn)).Select(s => new Straggler(grantor.Id, s.Bsn, s.Reason ?? StragglerReason.Other)));

        var agreements = export.Agreements.Where(a => !plan.Stragglers.Contains(a.Bsn)).ToList();
        var (providers, invitations, matched) = await ProvidersAsync(export, agreements, findings, now, cancellationToken);

        // Agreements are written in batches and let go of by the change tracker after each: EF's bookkeeping of twenty
        // thousand agreements with their versions took 400 MB. The claims need only the saved ids.
        var links = new Dictionary<string, (CareAgreement Agreement, CareAgreementVersion Version, GrantFacts Grant)>(StringComparer.Ordinal);
        foreach (var batch in agreements.Chunk(AgreementBatch))
        {
            foreach (var a in batch)
            {
                var grant = plan.Grants[a.BudgetKey];
                var terms = new CareAgreementTerms(a.Type, a.CareFunctionCodes, a.StartDate, a.EndDate, a.Unit, a.TariffCents ?? 0, 0, a.FixedMonthlyCents, null);
                var agreement = CareAgreement.CarryOver(grant.Id, grantor.Id, grant.BudgetHolderId, providers[a.ProviderNumber].Id, terms, a.Number, a.Status == Pgb1AgreementStatus.Ended, now);
                db.CareAgreements.Add(agreement);
                links[a.Number] = (agreement, agreement.Versions[0], grant);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var summary = Summarise(grantor.Code, ConversionStatuses.Converted, export, totals, findings) with { ProvidersCreated = invitations.Count, ProvidersMatched = matched };
        var conversion = new GrantorConversion(grantor.Id, export.ReferenceDate, await ManifestHashAsync(exportDirectory, cancellationToken), summary, by, now);
        db.GrantorConversions.Add(conversion);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        Phase(grantor.Code, "providers and agreements written", started);

        // The claims stream from the export's workspace in file order, each with its payment: never all in memory.
        var carriedClaims = export.Workspace.ClaimsWithPayment().Where(c => links.ContainsKey(c.Claim.AgreementNumber));
        Claim CarryOver(Pgb1Claim c)
        {
            var link = links[c.AgreementNumber];
            var old = new CarriedOverClaim(c.Number, c.CareFunctionCode, c.StartDate, c.EndDate, c.Units, c.AmountCents, StatusOf(c.Status), c.InvoiceNumber, c.SubmittedOn);
            return Claim.CarryOver(old, link.Agreement, link.Version, link.Grant.BudgetCodeFor(c.CareFunctionCode), now);
        }

        if (db.Database.IsNpgsql())
        {
            await new PostgresConversionWriter(db, phase => Phase(grantor.Code, phase, started))
                .WriteAsync(() => carriedClaims.Select(c => (CarryOver(c.Claim), c.Payment)), totals.Claims, cancellationToken);
        }
        else
        {
            foreach (var batch in carriedClaims.Chunk(ClaimBatch))
            {
                var claims = batch.Select(c => (Old: c, Claim: CarryOver(c.Claim))).ToList();
                db.Claims.AddRange(claims.Select(c => c.Claim));
                await db.SaveChangesAsync(cancellationToken);
                db.CarriedOverPayments.AddRange(claims.Where(c => c.Old.Payment is not null).Select(c =>
                {
                    var p = c.Old.Payment!;
                    return new CarriedOverPayment(c.Claim, p.Number, p.PaidOn, p.AmountCents, Parties.Iban.Normalize(p.Iban), p.Reference);
                }));
                await db.SaveChangesAsync(cancellationToken);
                foreach (var (_, claim) in claims)
                {
                    db.Entry(claim).State = EntityState.Detached;
                }

                foreach (var entry in db.ChangeTracker.Entries<CarriedOverPayment>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }

        Phase(grantor.Code, "claims and payments written", started);
        await new ConversionBookings(db, grantor.Id, conversion.Id, now).BookAsync(cancellationToken);
        return new(invitations, matched);
    }

    /// <summary>
    /// Providers of the converted agreements: an organisation matched on KvK, a person on name and IBAN, else created
    /// with an invitation code. A matched provider whose IBAN differs keeps OpenPgb's, with a warning.
    /// </summary>
    private async Task<(Dictionary<string, CareProvider> Providers, List<ProviderInvitation> Invitations, int Matched)> ProvidersAsync(
        Pgb1Export export, IReadOnlyList<Pgb1Agreement> agreements, List<ConversionFinding> findings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var used = agreements.Select(a => a.ProviderNumber).ToHashSet(StringComparer.Ordinal);
        var old = export.Providers.Where(p => used.Contains(p.Number)).ToList();
        var kvks = old.Where(p => p.KvkNumber is not null).Select(p => p.KvkNumber!).Distinct(StringComparer.Ordinal).ToList();
        var ibans = old.Select(p => Parties.Iban.Normalize(p.Iban)).Distinct(StringComparer.Ordinal).ToList();
        var candidates = new List<CareProvider>();
        foreach (var chunk in kvks.Chunk(1_000))
        {
            candidates.AddRange(await db.CareProviders.Where(p => p.Kind == CareProviderKind.Organisation && chunk.Contains(p.KvkNumber!)).ToListAsync(cancellationToken));
        }

        foreach (var chunk in ibans.Chunk(1_000))
        {
            candidates.AddRange(await db.CareProviders.Where(p => p.Kind == CareProviderKind.Person && chunk.Contains(p.Iban)).ToListAsync(cancellationToken));
        }

        var byKvk = candidates.Where(p => p.Kind == CareProviderKind.Organisation).GroupBy(p => p.KvkNumber!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MinBy(p => p.Id)!, StringComparer.Ordinal);
        var byNameAndIban = candidates.Where(p => p.Kind == CareProviderKind.Person).GroupBy(p => (Name: p.Name.ToUpperInvariant(), p.Iban)).ToDictionary(g => g.Key, g => g.MinBy(p => p.Id)!);
        var sequence = await db.CareProviders.LongCountAsync(cancellationToken);
        var numbers = (await db.CareProviders.Select(p => p.ProviderNumber).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, CareProvider>(StringComparer.Ordinal);
        var invitations = new List<ProviderInvitation>();
        var matched = 0;
        foreach (var p in old)
        {
            var iban = Parties.Iban.Normalize(p.Iban);
            var match = p.Kind == Pgb1ProviderKind.Organisation
                ? byKvk.GetValueOrDefault(p.KvkNumber ?? string.Empty)
                : byNameAndIban.GetValueOrDefault((p.Name.Trim().ToUpperInvariant(), iban));
            if (match is not null)
            {
                matched++;
                match.KeepPgb1Number(p.Number);
                if (match.Iban != iban)
                {
                    findings.Add(ConversionFinding.Warning(FindingKinds.ProviderIban, p.Line.ToString(), $"Zorgverlener {p.Number} is herkend als {match.ProviderNumber}, maar met een ander IBAN ({iban}); het IBAN in OpenPgb ({match.Iban}) blijft."));
                }

                result[p.Number] = match;
                continue;
            }

            string number;
            do
            {
                number = CareProviderService.ProviderNumberOf(sequence++);
            }
            while (!numbers.Add(number));

            var created = CareProvider.CarryOver(number, p.Kind == Pgb1ProviderKind.Organisation ? CareProviderKind.Organisation : CareProviderKind.Person, p.Name, p.KvkNumber, p.AgbCode, iban, p.Number, CareProviderService.NewInvitationCode(), now);
            db.CareProviders.Add(created);
            invitations.Add(new(p.Number, number, created.Name, created.InvitationCode!));
            result[p.Number] = created;

            // A name SEPA cannot carry would hold this provider's payments later: say so now, the conversion goes on.
            if (SepaText.NameProblem(p.Name) is { } problem)
            {
                findings.Add(ConversionFinding.Warning(FindingKinds.ProviderName, p.Line.ToString(), $"Zorgverlener {p.Number}: {problem}"));
            }

            // Organisations matched by KvK and persons by name and IBAN within this export too: one provider, one row.
            if (p.KvkNumber is not null && created.Kind == CareProviderKind.Organisation)
            {
                byKvk[p.KvkNumber] = created;
            }
            else if (created.Kind == CareProviderKind.Person)
            {
                byNameAndIban[(created.Name.ToUpperInvariant(), iban)] = created;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (result, invitations, matched);
    }

    /// <summary>
    /// Per budget holder, budget care function and year: the export's BET and GOED sums beside the ledger's spent and
    /// committed balances of the holder's grants (read inside the transaction); any difference is a blocking finding.
    /// The totals over all claims are checked against the export as well.
    /// </summary>
    private async Task<IReadOnlyList<ReconciliationRow>> ReconcileAsync(Grantor grantor, Pgb1Export export, Plan plan, ClaimTotals totals, List<ConversionFinding> findings, CancellationToken cancellationToken)
    {
        var agreements = export.Agreements.Where(a => !plan.Stragglers.Contains(a.Bsn)).ToDictionary(a => a.Number, StringComparer.Ordinal);
        var expected = new Dictionary<(string Bsn, string Code, int Year), (long Paid, long Approved)>();
        foreach (var ((number, careFunction, year), sums) in totals.PerAgreement)
        {
            var a = agreements[number];
            var key = (a.Bsn, plan.Grants[a.BudgetKey].BudgetCodeFor(careFunction), year);
            var current = expected.GetValueOrDefault(key);
            expected[key] = (current.Paid + sums.Paid, current.Approved + sums.Approved);
        }

        var bsnOfGrant = plan.Grants.Values.ToDictionary(g => g.Id, g => g.Bsn);
        var actual = new Dictionary<(string Bsn, string Code, int Year), (long Paid, long Approved)>();
        foreach (var balance in await new ConversionBookings(db, grantor.Id, 0, time.GetUtcNow()).BudgetBalancesAsync(cancellationToken))
        {
            if (!bsnOfGrant.TryGetValue(balance.GrantId, out var bsn))
            {
                continue;
            }

            var key = (bsn, balance.CareFunctionCode, balance.Year);
            var current = actual.GetValueOrDefault(key);
            actual[key] = balance.Kind == nameof(LedgerAccountKind.BudgetSpent) ? (current.Paid + balance.Cents, current.Approved) : (current.Paid, current.Approved + balance.Cents);
        }

        var rows = expected.Keys.Union(actual.Keys)
            .OrderBy(k => k.Bsn, StringComparer.Ordinal).ThenBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.Year)
            .Select(k =>
            {
                var e = expected.GetValueOrDefault(k);
                var a = actual.GetValueOrDefault(k);
                return new ReconciliationRow(k.Bsn, k.Code, k.Year, e.Paid, a.Paid, e.Approved, a.Approved);
            })
            .ToList();
        findings.AddRange(rows.Where(r => r.DifferenceCents != 0).Select(r => ConversionFinding.Blocking(
            FindingKinds.Reconciliation, $"{r.Bsn}/{r.CareFunctionCode}/{r.Year}",
            $"De aansluiting klopt niet: betaald PGB1 {r.PaidPgb1Cents}, OpenPgb {r.PaidOpenPgbCents}; goedgekeurd PGB1 {r.ApprovedPgb1Cents}, OpenPgb {r.ApprovedOpenPgbCents} (cent).")));

        var stored = await db.Claims.Where(c => c.GrantorId == grantor.Id && c.Channel == ClaimChannel.Conversion)
            .GroupBy(c => 1).Select(g => new { Count = g.Count(), Cents = g.Sum(c => c.AmountCents) }).SingleOrDefaultAsync(cancellationToken);
        if ((stored?.Count ?? 0) != totals.Claims || (stored?.Cents ?? 0) != totals.AllCents)
        {
            findings.Add(ConversionFinding.Blocking(FindingKinds.Reconciliation, grantor.Code, $"OpenPgb heeft {stored?.Count ?? 0} declaraties voor {stored?.Cents ?? 0} cent overgenomen; de export heeft er {totals.Claims} voor {totals.AllCents} cent."));
        }

        return rows;
    }

    /// <summary>How long the steps of a large conversion take (Debug; the benchmark turns it on).</summary>
    private void Phase(string grantorCode, string phase, long started)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(
                "Conversion of {Grantor}: {Phase} after {Seconds:F1} s, working set {WorkingSetMb} MB, managed heap {HeapMb} MB",
                grantorCode,
                phase,
                time.GetElapsedTime(started).TotalSeconds,
                Environment.WorkingSet >> 20,
                GC.GetTotalMemory(forceFullCollection: false) >> 20);
        }
    }

    private static ConversionReport Refused(string grantorCode, Pgb1Export? export, ClaimTotals? totals, IReadOnlyList<ConversionFinding> findings) =>
        new(Summarise(grantorCode, ConversionStatuses.Refused, export, totals, findings), findings, [], export is null ? [] : Stragglers(export), []);

    /// <summary>The summary's counts from the export, stragglers left out (providers are counted when they are matched or created).</summary>
    private static ConversionSummary Summarise(string grantorCode, string status, Pgb1Export? export, ClaimTotals? totals, IReadOnlyCollection<ConversionFinding> findings)
    {
        var blocking = findings.Count(f => f.Severity == FindingSeverity.Blocking);
        var warnings = findings.Count - blocking;
        if (export is null || totals is null)
        {
            return new(grantorCode, status, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, blocking, warnings);
        }

        var stragglers = Stragglers(export).Select(s => s.Bsn).ToHashSet(StringComparer.Ordinal);
        return new(
            grantorCode,
            status,
            export.BudgetHolders.Count(h => !h.StaysInPgb1),
            stragglers.Count,
            export.Budgets.Where(b => !stragglers.Contains(b.Bsn)).Select(b => b.BudgetKey).Distinct(StringComparer.Ordinal).Count(),
            0,
            0,
            totals.Agreements,
            totals.Claims,
            totals.Payments,
            totals.PaidCents,
            totals.ApprovedCents,
            totals.SubmittedCents,
            blocking,
            warnings);
    }

    private static IReadOnlyList<Pgb1BudgetHolder> Stragglers(Pgb1Export export) => [.. export.BudgetHolders.Where(h => h.StaysInPgb1)];

    private static ClaimStatus StatusOf(Pgb1ClaimStatus status) => status switch
    {
        Pgb1ClaimStatus.Paid => ClaimStatus.Paid,
        Pgb1ClaimStatus.Approved => ClaimStatus.Approved,
        Pgb1ClaimStatus.Submitted => ClaimStatus.Submitted,
        Pgb1ClaimStatus.Rejected => ClaimStatus.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown PGB1 claim status."),
    };

    private static async Task<string> ManifestHashAsync(string exportDirectory, CancellationToken cancellationToken)
    {
        await using var manifest = File.OpenRead(Path.Combine(exportDirectory, Pgb1ExportReader.ManifestFile));
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(manifest, cancellationToken));
    }

    private sealed record GrantFacts(long Id, long BudgetHolderId, string Bsn, IReadOnlyList<(string Code, DateOnly Start, DateOnly End, long AmountCents)> Budgets)
    {
        /// <summary>The budget a claim is booked on: 99 when the grant is a whole package, else the claim's own care function.</summary>
        public string BudgetCodeFor(string careFunctionCode) =>
            Budgets.Count > 0 && Budgets.All(b => b.Code == CareFunctionCodes.WholePackage) ? CareFunctionCodes.WholePackage : careFunctionCode;
    }

    private sealed record Plan(Dictionary<string, GrantFacts> Grants, HashSet<string> Stragglers);

    /// <summary>
    /// The export's claims of the budget holders who convert (stragglers left out), summed in one pass over the
    /// workspace: counts and sums per status for the summary, and the paid and approved sums per agreement, care
    /// function and year for the reconciliation (as many entries as agreements have years, not claims).
    /// </summary>
    private sealed class ClaimTotals
    {
        public int Agreements { get; private init; }

        public int Claims { get; private set; }

        public int Payments { get; private init; }

        public long AllCents { get; private set; }

        public long PaidCents { get; private set; }

        public long ApprovedCents { get; private set; }

        public long SubmittedCents { get; private set; }

        public Dictionary<(string Agreement, string CareFunction, int Year), (long Paid, long Approved)> PerAgreement { get; } = [];

        public static ClaimTotals Of(Pgb1Export export)
        {
            var stragglers = Stragglers(export).Select(s => s.Bsn).ToHashSet(StringComparer.Ordinal);
            var agreements = export.Agreements.Where(a => !stragglers.Contains(a.Bsn)).Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
            var totals = new ClaimTotals
            {
                Agreements = agreements.Count,
                Payments = (int)export.Workspace.PaymentsPerAgreement().Where(p => p.Agreement is { } a && agreements.Contains(a)).Sum(p => p.Payments),
            };
            foreach (var claim in export.Claims.Where(c => agreements.Contains(c.AgreementNumber)))
            {
                totals.Claims++;
                totals.AllCents += claim.AmountCents;
                switch (claim.Status)
                {
                    case Pgb1ClaimStatus.Paid:
                        totals.PaidCents += claim.AmountCents;
                        break;
                    case Pgb1ClaimStatus.Approved:
                        totals.ApprovedCents += claim.AmountCents;
                        break;
                    case Pgb1ClaimStatus.Submitted:
                        totals.SubmittedCents += claim.AmountCents;
                        break;
                    default:
                        continue;
                }

                if (claim.Status is Pgb1ClaimStatus.Paid or Pgb1ClaimStatus.Approved)
                {
                    var key = (claim.AgreementNumber, claim.CareFunctionCode, claim.StartDate.Year);
                    var current = totals.PerAgreement.GetValueOrDefault(key);
                    totals.PerAgreement[key] = claim.Status == Pgb1ClaimStatus.Paid
                        ? (current.Paid + claim.AmountCents, current.Approved)
                        : (current.Paid, current.Approved + claim.AmountCents);
                }
            }

            return totals;
        }
    }

    private sealed record Applied(List<ProviderInvitation> Invitations, int Matched);
}
