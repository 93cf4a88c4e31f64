using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Ledger;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// Crash safety of the conversion (issue 12): `openpgb conversion run` on a demo export is killed with SIGKILL at random
/// moments (at least ten times) on PostgreSQL. After every kill the grantor holds either nothing of the conversion or
/// all of it, and the ledger and the audit chain verify; the next run completes, reconciled, and a run after it says
/// already-converted.
/// </summary>
public sealed class ConversionKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int RequiredKills = 10;
    private static readonly string[] Grantors = ["0599", "0518", "0014", "0034"];
    private readonly string _work = Directory.CreateTempSubdirectory("openpgb-conversion-kill-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ConversionRun_KilledAtRandomMoments_LeavesNothingOrEverything_AndTheNextRunCompletes()
    {
        await using var database = await TestDatabase.CreateAsync(new TestClock(DateTimeOffset.UtcNow));
        var env = Processes.PostgresEnvironment(database.ConnectionString);
        var random = new Random(20261207);
        var kills = 0;
        TimeSpan? duration = null;

        // A kill that lands after the commit leaves everything, which is right but ends that grantor's use: the next
        // grantor (a fresh export) takes over until there have been enough kills before a commit.
        foreach (var code in Grantors)
        {
            var (grantorId, files) = await PrepareAsync(database, code);
            string[] Run(string name) => ["conversion", "run", "--grantor", code, "--export", files.ExportDirectory, "--out", Path.Combine(_work, code, name)];
            if (duration is null)
            {
                // A trial takes the very same path and keeps nothing: how long a run takes here, to kill within it.
                var watch = Stopwatch.StartNew();
                var (trialExit, trialText) = await Processes.RunCliAsync(env, ["conversion", "trial", "--grantor", code, "--export", files.ExportDirectory, "--out", Path.Combine(_work, code, "trial")]);
                trialExit.ShouldBe(0, trialText);
                duration = watch.Elapsed;
                output.WriteLine($"trial took {duration.Value.TotalMilliseconds:F0} ms");
            }

            var converted = false;
            for (var attempt = 0; kills < RequiredKills && !converted && attempt < 30; attempt++)
            {
                var delay = TimeSpan.FromMilliseconds(duration.Value.TotalMilliseconds * (0.1 + (random.NextDouble() * 0.7)));
                var killed = await Processes.RunCliAndKillAsync(env, Run($"killed-{attempt}"), delay);
                converted = await AssertNothingOrEverythingAsync(database, grantorId, files);
                output.WriteLine($"{code} attempt {attempt}: {(killed ? $"killed after {delay.TotalMilliseconds:F0} ms" : "finished")}, {(converted ? "converted" : "nothing kept")}");
                (killed || converted).ShouldBeTrue("a run that finished must have converted");
                kills += killed && !converted ? 1 : 0;
            }

            if (kills < RequiredKills)
            {
                continue;
            }

            // Enough kills: this grantor's next run completes, and the one after it changes nothing.
            var (exit, text) = await Processes.RunCliAsync(env, Run("final"));
            exit.ShouldBe(0, text);
            (await AssertNothingOrEverythingAsync(database, grantorId, files)).ShouldBeTrue();
            var (again, againText) = await Processes.RunCliAsync(env, Run("again"));
            again.ShouldBe(0, againText);
            againText.ShouldContain("already-converted");
            break;
        }

        kills.ShouldBeGreaterThanOrEqualTo(RequiredKills);
        (await Processes.RunCliAsync(env, "audit", "verify")).ExitCode.ShouldBe(0);
        (await Processes.RunCliAsync(env, "ledger", "verify")).ExitCode.ShouldBe(0);
    }

    private async Task<(int GrantorId, Pgb1DemoFiles Files)> PrepareAsync(TestDatabase database, string code)
    {
        await using var scope = database.Scope();
        var grantor = await scope.ServiceProvider.GetRequiredService<GrantorService>().AddAsync(code, "Gemeente " + code, GrantorKind.Municipality, null, CancellationToken.None);
        var today = TimeProvider.System.Today();
        var options = new Pgb1DemoOptions(code, new DateOnly(today.Year, today.Month, 1).AddDays(-1), 150, Months: 24, Seed: 7, WithDifferences: false);
        var files = await Pgb1DemoExport.WriteAsync(options, Path.Combine(_work, code), CancellationToken.None);
        var imported = await scope.ServiceProvider.GetRequiredService<MessageFileImporter>()
            .ImportAsync(MessageFileImporter.EnumerateMessageFiles([files.GrantsDirectory]), null, MessageChannel.Conversion, null, CancellationToken.None);
        imported.Rejected.ShouldBe(0);
        return (grantor.Id, files);
    }

    /// <summary>Either no trace of the grantor's conversion or all of it; the ledger and the audit chain verify. True when converted.</summary>
    private static async Task<bool> AssertNothingOrEverythingAsync(TestDatabase database, int grantorId, Pgb1DemoFiles files)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var conversion = await db.GrantorConversions.SingleOrDefaultAsync(c => c.GrantorId == grantorId);
        var claims = await db.Claims.CountAsync(c => c.GrantorId == grantorId);
        var agreements = await db.CareAgreements.CountAsync(a => a.GrantorId == grantorId);
        var payments = await db.CarriedOverPayments.CountAsync(p => p.GrantorId == grantorId);
        var stragglers = await db.Stragglers.CountAsync(s => s.GrantorId == grantorId);
        var bookings = await db.JournalEntries.CountAsync(e => e.ConversionId != null && db.GrantorConversions.Any(c => c.Id == e.ConversionId && c.GrantorId == grantorId));
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
        (await scope.ServiceProvider.GetRequiredService<AccessLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact.ShouldBeTrue();
        if (conversion is null)
        {
            (claims, agreements, payments, stragglers, bookings).ShouldBe((0, 0, 0, 0, 0));
            return false;
        }

        stragglers.ShouldBe(files.Stragglers);
        (claims, agreements, payments).ShouldBe((conversion.Claims, conversion.Agreements, conversion.Payments));
        bookings.ShouldBeGreaterThan(0);
        return true;
    }
}
