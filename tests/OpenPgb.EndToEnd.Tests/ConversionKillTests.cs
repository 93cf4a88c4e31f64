using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;
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
    private const string Grantor = "0599";
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
        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<GrantorService>().AddAsync(Grantor, "Gemeente Rotterdam", GrantorKind.Municipality, null, CancellationToken.None);
        }

        var options = new Pgb1DemoOptions(Grantor, new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddDays(-1), 150, Months: 24, Seed: 7, WithDifferences: false);
        var files = await Pgb1DemoExport.WriteAsync(options, _work, CancellationToken.None);
        await using (var scope = database.Scope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<MessageFileImporter>()
                .ImportAsync(MessageFileImporter.EnumerateMessageFiles([files.GrantsDirectory]), null, MessageChannel.Conversion, null, CancellationToken.None);
            imported.Rejected.ShouldBe(0);
        }

        var env = Processes.PostgresEnvironment(database.ConnectionString);
        string[] Run(string name) => ["conversion", "run", "--grantor", Grantor, "--export", files.ExportDirectory, "--out", Path.Combine(_work, name)];

        // A trial takes the very same path and keeps nothing: how long a run takes here, to kill within it.
        var watch = Stopwatch.StartNew();
        var (trialExit, trialText) = await Processes.RunCliAsync(env, ["conversion", "trial", "--grantor", Grantor, "--export", files.ExportDirectory, "--out", Path.Combine(_work, "trial")]);
        trialExit.ShouldBe(0, trialText);
        var duration = watch.Elapsed;
        output.WriteLine($"trial took {duration.TotalMilliseconds:F0} ms");

        var random = new Random(20261207);
        var kills = 0;
        for (var attempt = 0; kills < RequiredKills && attempt < 40; attempt++)
        {
            var delay = TimeSpan.FromMilliseconds(duration.TotalMilliseconds * (0.15 + (random.NextDouble() * 0.8)));
            var killed = await Processes.RunCliAndKillAsync(env, Run($"killed-{attempt}"), delay);
            var converted = await AssertNothingOrEverythingAsync(database, files);
            output.WriteLine($"attempt {attempt}: {(killed ? $"killed after {delay.TotalMilliseconds:F0} ms" : "finished")}, {(converted ? "converted" : "nothing kept")}");
            if (!killed || converted)
            {
                // It finished (or committed just before the kill): the remaining kills are of no use; start afresh.
                break;
            }

            kills++;
        }

        kills.ShouldBeGreaterThanOrEqualTo(RequiredKills);
        var (exit, text) = await Processes.RunCliAsync(env, Run("final"));
        exit.ShouldBe(0, text);
        (await AssertNothingOrEverythingAsync(database, files)).ShouldBeTrue();
        var (again, againText) = await Processes.RunCliAsync(env, Run("again"));
        again.ShouldBe(0, againText);
        againText.ShouldContain("already-converted");
        (await Processes.RunCliAsync(env, "audit", "verify")).ExitCode.ShouldBe(0);
        (await Processes.RunCliAsync(env, "ledger", "verify")).ExitCode.ShouldBe(0);
    }

    /// <summary>Either no trace of the conversion or all of it; the ledger and the audit chain verify. True when converted.</summary>
    private static async Task<bool> AssertNothingOrEverythingAsync(TestDatabase database, Pgb1DemoFiles files)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var conversions = await db.GrantorConversions.CountAsync();
        var claims = await db.Claims.CountAsync();
        var agreements = await db.CareAgreements.CountAsync();
        var payments = await db.CarriedOverPayments.CountAsync();
        var stragglers = await db.Stragglers.CountAsync();
        var bookings = await db.JournalEntries.CountAsync(e => e.ConversionId != null);
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
        (await scope.ServiceProvider.GetRequiredService<AccessLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact.ShouldBeTrue();
        if (conversions == 0)
        {
            (claims, agreements, payments, stragglers, bookings).ShouldBe((0, 0, 0, 0, 0));
            return false;
        }

        conversions.ShouldBe(1);
        var expectedStragglers = files.Stragglers;
        stragglers.ShouldBe(expectedStragglers);
        var summary = await db.GrantorConversions.SingleAsync();
        (claims, agreements, payments).ShouldBe((summary.Claims, summary.Agreements, summary.Payments));
        bookings.ShouldBeGreaterThan(0);
        return true;
    }
}
