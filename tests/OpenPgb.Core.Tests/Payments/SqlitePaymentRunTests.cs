using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.BudgetClosing;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

/// <summary>
/// The embedded SQLite default runs the same money path as PostgreSQL: claim, approval, payment run with a valid
/// pain.001, bank return and 507 production, with every ledger invariant holding.
/// </summary>
public sealed class SqlitePaymentRunTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateSqliteAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _out = Directory.CreateTempSubdirectory("openpgb-sqlite-pay-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task ClaimToPaymentToReturn_OnSqlite_KeepsTheLedgerSound()
    {
        var agreement = await _world.ApprovedAsync();
        var claim = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 3, month: 10));
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 1.5m, month: 9));

        var run = await _world.RunPaymentsAsync(_out);

        run.Claims.ShouldBe(2);
        run.TotalCents.ShouldBe(15_750);
        await using (var file = File.OpenRead(run.FilePath!))
        {
            Pain001Schema.Validate(file).ShouldBeEmpty();
        }

        XNamespace pain = Pain001Writer.Namespace;
        XDocument.Load(run.FilePath!).Descendants(pain + "CtrlSum").First().Value.ShouldBe("157.50");
        (await _world.RunPaymentsAsync(_out)).Outcome.ShouldBe(PaymentRunOutcome.AlreadyDone);
        await AssertLedgerSoundAsync();
        (await ListedAsync()).ShouldAllBe(r => r.PaymentReference == "20261124-D1-0363-ZV10000001" && r.PaidOn != null && r.ProviderName != "" && r.HolderName != "");

        await using (var scope = _db.Scope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<BankFeedbackService>().ImportAsync(
                BankFiles.Camt054([("20261124-D1-0363-ZV10000001", 15_750, "AC04")]), "camt.xml", "test", CancellationToken.None);
            result.Returned.ShouldBe(1);
        }

        (await _world.StatusOfAsync(claim)).ShouldBe(ClaimStatus.Returned);
        await AssertLedgerSoundAsync();
        (await ListedAsync()).ShouldAllBe(r => r.PaymentReference == null && r.PaidOn == null, "the one payment of both claims came back: it no longer pays them");

        await using (var scope = _db.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<BudgetClosingService>().ProduceDueAsync(new DateOnly(2027, 1, 5), CancellationToken.None)).ShouldBe(1);
        }
    }

    private async Task<IReadOnlyList<ClaimRow>> ListedAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<ClaimQueries>().ListAsync(null, CancellationToken.None);
    }

    private async Task AssertLedgerSoundAsync()
    {
        await using var scope = _db.Scope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
    }
}
