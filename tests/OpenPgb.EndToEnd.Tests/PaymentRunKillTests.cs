using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// Crash safety of the payment run: the CLI's run is killed with SIGKILL at random moments (at least 20 times) on
/// PostgreSQL and started again. After every kill and every completion the ledger invariants hold, no claim is paid
/// twice or lost, and the file validates, adds up to the bookings and is the same bytes when regenerated.
/// </summary>
public sealed class PaymentRunKillTests(ITestOutputHelper output)
{
    private const int RequiredKills = 20;
    private const int ClaimsPerWave = 6_000;

    [Fact]
    public async Task PaymentRun_KilledAtRandomMoments_CompletesWithoutPayingTwiceOrLosingAClaim()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(database);
        var agreement = await world.ApprovedAsync();
        await BulkClaims.AddProvidersWithAgreementsAsync(database.ConnectionString, world.ProviderId, agreement, 300);
        var env = Processes.PostgresEnvironment(database.ConnectionString);
        var outDir = Directory.CreateTempSubdirectory("openpgb-kill-").FullName;
        var random = new Random(20261126);
        var kills = 0;
        // From today on: the CLI refuses a business date in the past.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, OpenPgb.Core.Common.AmsterdamClock.Zone).DateTime);

        for (var wave = 0; kills < RequiredKills && wave < 40; wave++, day = day.AddDays(1))
        {
            var total = await BulkClaims.AddApprovedClaimsAsync(database.ConnectionString, ClaimsPerWave, $"W{wave}");
            var arguments = new[] { "payments", "run", "--date", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--out", outDir };

            // Up to two kills per wave, at a random moment between start-up and the end of a typical run.
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var delay = TimeSpan.FromMilliseconds(random.Next(150, 2_500));
                if (await Processes.RunCliAndKillAsync(env, arguments, delay))
                {
                    kills++;
                    output.WriteLine($"wave {wave}: killed after {delay.TotalMilliseconds} ms");
                    await AssertSoundAsync(database);
                }
            }

            var (exit, text) = await Processes.RunCliAsync(env, arguments);
            exit.ShouldBe(0, text);
            await AssertWavePaidOnceAsync(database, $"W{wave}", total, outDir);
        }

        kills.ShouldBeGreaterThanOrEqualTo(RequiredKills);
        Directory.Delete(outDir, recursive: true);
    }

    private static async Task AssertSoundAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    private static async Task AssertWavePaidOnceAsync(TestDatabase database, string wave, long total, string outDir)
    {
        await AssertSoundAsync(database);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        // The status each claim shows: a run leaves the claim's row alone, its unreturned item makes it paid (ADR 0015).
        var claims = await db.Claims.Where(c => c.InvoiceNumber.StartsWith(wave + "-"))
            .Select(c => new { Status = c.Status == ClaimStatus.Approved && db.PaymentItems.Any(i => i.ClaimId == c.Id && i.ReturnedAt == null) ? ClaimStatus.Paid : c.Status, c.AmountCents })
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(c => c.AmountCents) }).ToListAsync();
        (await db.PayableClaims.CountAsync(q => db.Claims.Any(c => c.Id == q.ClaimId && c.InvoiceNumber.StartsWith(wave + "-")))).ShouldBe(0, "a paid claim has left the payment queue");
        claims.ShouldHaveSingleItem().Key.ShouldBe(ClaimStatus.Paid);
        claims[0].Count.ShouldBe(ClaimsPerWave);
        claims[0].Cents.ShouldBe(total);
        (await db.PaymentRuns.CountAsync(r => r.Status != PaymentRunStatus.Completed)).ShouldBe(0);

        // The run that paid this wave: its file validates, adds up to the bookings, and regenerates byte for byte.
        var runId = await db.PaymentItems.Where(i => db.Claims.Any(c => c.Id == i.ClaimId && c.InvoiceNumber == wave + "-0")).Select(i => i.PaymentRunId).SingleAsync();
        var run = await db.PaymentRuns.SingleAsync(r => r.Id == runId);
        var path = Path.Combine(outDir, run.FileName!);
        await using (var file = File.OpenRead(path))
        {
            Pain001Schema.Validate(file).ShouldBeEmpty();
        }

        XNamespace pain = Pain001Writer.Namespace;
        var ctrlSum = XDocument.Load(path).Descendants(pain + "GrpHdr").Single().Element(pain + "CtrlSum")!.Value;
        ctrlSum.ShouldBe(SepaText.Amount(run.TotalCents));
        var booked = await db.LedgerTransfers.Where(t => db.JournalEntries.Any(e => e.Id == t.JournalEntryId && e.Kind == JournalEntryKind.Payment
                && db.Payments.Any(p => p.Id == e.PaymentId && p.PaymentRunId == runId))
            && db.LedgerAccounts.Any(a => a.Id == t.CreditAccountId && a.Kind == LedgerAccountKind.AgencyBank)).SumAsync(t => t.AmountCents);
        booked.ShouldBe(run.TotalCents);
        using var regenerated = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<PaymentRunService>().WriteFileToAsync(runId, regenerated, CancellationToken.None);
        regenerated.ToArray().ShouldBe(await File.ReadAllBytesAsync(path));
    }
}
