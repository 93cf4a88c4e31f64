using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

/// <summary>Payment runs on PostgreSQL: selection, bookings, the SEPA file and its schema, idempotency.</summary>
public sealed class PaymentRunTests : IAsyncLifetime
{
    private static readonly XNamespace Pain = Pain001Writer.Namespace;
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _out = Directory.CreateTempSubdirectory("openpgb-pay-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task Run_PaysApprovedClaims_WritesAValidFileWhoseSumsMatchTheLedger()
    {
        var agreement = await _world.ApprovedAsync();
        var first = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 10, month: 9));
        var second = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 2.5m, month: 10));
        var submittedOnly = await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 11, toDay: 20));

        var result = await _world.RunPaymentsAsync(_out);

        result.Claims.ShouldBe(2);
        result.Payments.ShouldBe(1);
        result.TotalCents.ShouldBe(35_000 + 8_750);
        (await _world.StatusOfAsync(first)).ShouldBe(ClaimStatus.Paid);
        (await _world.StatusOfAsync(second)).ShouldBe(ClaimStatus.Paid);
        (await _world.StatusOfAsync(submittedOnly)).ShouldBe(ClaimStatus.Submitted);

        await using var file = File.OpenRead(result.FilePath!);
        Pain001Schema.Validate(file).ShouldBeEmpty();
        var document = XDocument.Load(result.FilePath!);
        var header = document.Descendants(Pain + "GrpHdr").Single();
        header.Element(Pain + "MsgId")!.Value.ShouldBe("OPENPGB-20261124-D1");
        header.Element(Pain + "NbOfTxs")!.Value.ShouldBe("1");
        header.Element(Pain + "CtrlSum")!.Value.ShouldBe("437.50");
        var transaction = document.Descendants(Pain + "CdtTrfTxInf").Single();
        transaction.Element(Pain + "PmtId")!.Element(Pain + "EndToEndId")!.Value.ShouldBe("20261124-D1-0363-ZV10000001");
        transaction.Element(Pain + "Amt")!.Element(Pain + "InstdAmt")!.Value.ShouldBe("437.50");
        transaction.Descendants(Pain + "IBAN").Single().Value.ShouldBe("NL91ABNA0417164300");
        document.Descendants(Pain + "ReqdExctnDt").Single().Value.ShouldBe("2026-11-24");

        await AssertLedgerSoundAsync();
        var position = await PositionAsync("02", 2026);
        position.SpentCents.ShouldBe(43_750);
        position.CommittedCents.ShouldBe(0);
    }

    [Fact]
    public async Task Run_Again_ForTheSameDate_PaysNothingTwice_AndTheFileIsRegeneratedByteForByte()
    {
        var agreement = await _world.ApprovedAsync();
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 4, month: 10));
        var first = await _world.RunPaymentsAsync(_out);
        var bytes = await File.ReadAllBytesAsync(first.FilePath!);

        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 3, month: 9));
        var again = await _world.RunPaymentsAsync(_out);

        again.RunId.ShouldBe(first.RunId);
        again.Outcome.ShouldBe(PaymentRunOutcome.AlreadyDone);
        (await File.ReadAllBytesAsync(first.FilePath!)).ShouldBe(bytes);
        await using (var scope = _db.Scope())
        {
            using var regenerated = new MemoryStream();
            await scope.ServiceProvider.GetRequiredService<PaymentRunService>().WriteFileToAsync(first.RunId!.Value, regenerated, CancellationToken.None);
            regenerated.ToArray().ShouldBe(bytes);
        }

        // The next day's run pays the claim approved after the first run.
        var next = await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25));
        next.Claims.ShouldBe(1);
        next.MessageId.ShouldBe("OPENPGB-20261125-D1");
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task Run_NothingApproved_WritesNoFile()
    {
        var result = await _world.RunPaymentsAsync(_out);

        result.RunId.ShouldBeNull();
        result.Outcome.ShouldBe(PaymentRunOutcome.NothingToPay);
        Directory.GetFiles(_out).ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_OnASaturday_AsksExecutionOnTheNextBankingDay()
    {
        var agreement = await _world.ApprovedAsync();
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 4, month: 10));

        var result = await _world.RunPaymentsAsync(_out, new DateOnly(2026, 12, 25));

        XDocument.Load(result.FilePath!).Descendants(Pain + "ReqdExctnDt").Single().Value.ShouldBe("2026-12-28");
    }

    [Fact]
    public async Task Ledger_IsAppendOnly_InTheDatabase()
    {
        var agreement = await _world.ApprovedAsync();
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 4, month: 10));
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();

        var update = await Should.ThrowAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"LedgerTransfers\" SET \"AmountCents\" = 1"));
        update.MessageText.ShouldContain("append-only");
        await Should.ThrowAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"JournalEntries\""));
        await Should.ThrowAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO \"LedgerTransfers\" (\"JournalEntryId\", \"DebitAccountId\", \"CreditAccountId\", \"AmountCents\") SELECT \"JournalEntryId\", \"DebitAccountId\", \"CreditAccountId\", 0 FROM \"LedgerTransfers\""));
    }

    [Fact]
    public async Task AClaimWhoseCopiesDifferFromItsAgreement_IsFoundByTheVerifier()
    {
        var agreement = await _world.ApprovedAsync();
        var claim = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 4, month: 10));
        await AssertLedgerSoundAsync();
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();

        // No foreign key stops this any more (ADR 0013); the verifier must.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Claims\" SET \"CareProviderId\" = \"CareProviderId\" + 1000 WHERE \"Id\" = {0}", claim);

        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None))
            .ShouldContain(v => v.StartsWith("each claim's grant, grantor, budget holder and provider are its agreement's", StringComparison.Ordinal));
    }

    private async Task AssertLedgerSoundAsync()
    {
        await using var scope = _db.Scope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<BudgetPosition> PositionAsync(string code, int year)
    {
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var version = await db.GrantVersions.Include(v => v.CareFunctionBudgets).SingleAsync(v => v.GrantId == _world.GrantId && v.IsCurrent);
        return await scope.ServiceProvider.GetRequiredService<BudgetLedger>().PositionAsync(version, code, year, CancellationToken.None);
    }
}
