using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;
using OpenPgb.Core.WorkTasks;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

/// <summary>Bank feedback on PostgreSQL: returns are reversed in the ledger, claims wait for a new IBAN, files count once.</summary>
public sealed class BankFeedbackTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private string _out = null!;
    private long _claim;
    private PaymentRunResult _run = null!;

    private string EndToEndId => "20261124-D1-0363-ZV10000001";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _out = Directory.CreateTempSubdirectory("openpgb-feedback-").FullName;
        var agreement = await _world.ApprovedAsync();
        _claim = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 10, month: 10));
        _run = await _world.RunPaymentsAsync(_out);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task Pain002_RejectedTransaction_IsReversed_ClaimWaitsForANewIban_ThenTheNextRunPaysIt()
    {
        var result = await ImportAsync(BankFiles.Pain002(_run.MessageId!, [(EndToEndId, "AC01")]));

        result.Kind.ShouldBe(BankFeedbackKind.PaymentStatusReport);
        result.Returned.ShouldBe(1);
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Returned);
        await AssertLedgerSoundAsync();
        var (committed, spent) = await PositionAsync();
        committed.ShouldBe(35_000);
        spent.ShouldBe(0);
        var task = await TaskAsync();
        task.Type.ShouldBe(WorkTaskType.PaymentReturned);
        task.Title.ShouldContain("rekeningnummer onjuist");

        // Not paid again while the IBAN is unchanged.
        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25))).Outcome.ShouldBe(PaymentRunOutcome.NothingToPay);

        await using (var scope = _world.ScopeOf(_world.ProviderUser))
        {
            (await scope.ServiceProvider.GetRequiredService<CareProviderService>().ChangeAccountAsync(_world.ProviderUser, "Zorg Op Maat B.V.", "NL20INGB0001234567", CancellationToken.None)).ShouldBe(1);
        }

        var again = await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 26));
        again.TotalCents.ShouldBe(35_000);
        (await File.ReadAllTextAsync(again.FilePath!)).ShouldContain("NL20INGB0001234567");
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Paid);
        await AssertLedgerSoundAsync();
        (await PositionAsync()).Spent.ShouldBe(35_000);
    }

    [Fact]
    public async Task Pain002_WholeFileRejected_ReturnsEveryPaymentOfThatFile()
    {
        var result = await ImportAsync(BankFiles.Pain002(_run.MessageId!, [], wholeFile: true));

        result.Returned.ShouldBe(1);
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Returned);
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task Camt054_Return_IsReversed_AndTheSameFileTwiceChangesNothing()
    {
        var file = BankFiles.Camt054([(EndToEndId, 35_000, "AC04"), ("20261124-D1-0363-ZV99999999", 100, "AC01")]);

        var first = await ImportAsync(file);
        var second = await ImportAsync(file);

        first.Kind.ShouldBe(BankFeedbackKind.ReturnNotification);
        first.Returned.ShouldBe(1);
        first.Unknown.ShouldBe(["20261124-D1-0363-ZV99999999"]);
        second.AlreadyImported.ShouldBeTrue();
        second.AlreadyReturned.ShouldBe(1);

        // The same return in another file: already returned, not reversed twice.
        var other = await ImportAsync(BankFiles.Camt054([(EndToEndId, 35_000, "AC04")], messageId: "BANK-NTF-0002"));
        other.AlreadyReturned.ShouldBe(1);
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task Pain002_WithEveryOptionalElementTheMessageAllows_IsReadAndApplied()
    {
        var result = await ImportAsync(BankFiles.Pain002WithEveryOptionalElement(_run.MessageId!, _run.MessageId + "-0363", EndToEndId, 35_000));

        result.Returned.ShouldBe(1);
        result.Unknown.ShouldBeEmpty();
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Returned);
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task Camt054_WithEveryOptionalElementTheMessageAllows_IsReadAndApplied()
    {
        var result = await ImportAsync(BankFiles.Camt054WithEveryOptionalElement(_run.MessageId!, _run.MessageId + "-0363", EndToEndId, 35_000));

        result.Returned.ShouldBe(1);
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Returned);
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task Camt054_PartialReturn_IsNotReversed_TheGrantorGetsATaskOnce()
    {
        var file = BankFiles.Camt054WithEveryOptionalElement(_run.MessageId!, _run.MessageId + "-0363", EndToEndId, 12_500);

        var first = await ImportAsync(file);
        var again = await ImportAsync(file);

        first.Returned.ShouldBe(0);
        first.ToCheck.ShouldBe(1);
        again.ToCheck.ShouldBe(0);
        again.AlreadyImported.ShouldBeTrue();
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Paid);
        await AssertLedgerSoundAsync();
        await using var scope = _db.Scope();
        var task = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().WorkTasks.SingleAsync(t => t.Type == WorkTaskType.BankFeedbackToCheck);
        task.Title.ShouldContain("€ 125,00");
        task.Title.ShouldContain("€ 350,00");
    }

    [Theory]
    [InlineData("OPENPGB-20261124-D9", null)]
    [InlineData(null, "OPENPGB-20261124-D1-0344")]
    public async Task Return_WhoseMessageOrBlockDoesNotFitThePayment_IsUnknown_NotApplied(string? messageId, string? paymentInfoId)
    {
        var file = BankFiles.Camt054WithEveryOptionalElement(messageId ?? _run.MessageId!, paymentInfoId ?? _run.MessageId + "-0363", EndToEndId, 35_000);

        var result = await ImportAsync(file);

        result.Returned.ShouldBe(0);
        result.Unknown.ShouldBe([EndToEndId]);
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Paid);
    }

    [Fact]
    public async Task Pain002_OnlyTheBlockRejected_ReturnsThePaymentsOfThatBlock()
    {
        var file = Encoding.UTF8.GetBytes($"""
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
              <GrpHdr><MsgId>STS-BLOCK</MsgId><CreDtTm>2026-11-25T08:00:00</CreDtTm></GrpHdr>
              <OrgnlGrpInfAndSts><OrgnlMsgId>{_run.MessageId}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
              <OrgnlPmtInfAndSts><OrgnlPmtInfId>{_run.MessageId}-0363</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf></OrgnlPmtInfAndSts>
            </CstmrPmtStsRpt></Document>
            """);

        (await ImportAsync(file)).Returned.ShouldBe(1);
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Returned);
    }

    [Fact]
    public async Task FileWithAnUnknownReference_CanBeImportedAgainOnceTheCauseIsFixed()
    {
        // The bank reports on tomorrow's run before OpenPgb knows it (say, a restore of the database lost it).
        var agreement = await _world.ApprovedAsync();
        var later = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 9));
        var file = BankFiles.Camt054WithEveryOptionalElement("OPENPGB-20261125-D1", "OPENPGB-20261125-D1-0363", "20261125-D1-0363-ZV10000001", 7_000);
        var first = await ImportAsync(file);
        first.Unknown.ShouldBe(["20261125-D1-0363-ZV10000001"]);

        await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25));
        var second = await ImportAsync(file);

        second.AlreadyImported.ShouldBeFalse();
        second.Returned.ShouldBe(1);
        second.Unknown.ShouldBeEmpty();
        (await _world.StatusOfAsync(later)).ShouldBe(ClaimStatus.Returned);
        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Paid);
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task InvalidFeedback_IsRefusedWithAReason_AndChangesNothing()
    {
        // Every reason in Dutch, with where it went wrong; the parser's English stays out of the portal.
        var notXml = await Should.ThrowAsync<BankFeedbackException>(() => ImportAsync(Encoding.UTF8.GetBytes("geen xml")));
        notXml.Message.ShouldContain("geen geldig");
        notXml.Message.ShouldContain("regel 1, positie 1: het bestand is geen goed gevormde XML");
        var wrongSchema = Encoding.UTF8.GetBytes("""<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn/></Document>""");
        var incomplete = await Should.ThrowAsync<BankFeedbackException>(() => ImportAsync(wrongSchema));
        incomplete.Message.ShouldContain("(element BkToCstmrDbtCdtNtfctn): hier ontbreekt een verplicht element");
        var unknown = Encoding.UTF8.GetBytes("""<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><Onbekend/></Document>""");
        var unknownMessage = (await Should.ThrowAsync<BankFeedbackException>(() => ImportAsync(unknown))).Message;
        unknownMessage.ShouldContain("regel 1");
        unknownMessage.ShouldContain("Onbekend");
        var dtd = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"/>""");
        (await Should.ThrowAsync<BankFeedbackException>(() => ImportAsync(dtd))).Message.ShouldContain("bevat een DTD");
        foreach (var message in new[] { notXml.Message, incomplete.Message, unknownMessage })
        {
            message.ShouldNotContain("invalid", Case.Insensitive);
            message.ShouldNotContain("The ");
            message.ShouldNotContain("expected", Case.Insensitive);
        }

        (await _world.StatusOfAsync(_claim)).ShouldBe(ClaimStatus.Paid);
    }

    private async Task<BankFeedbackResult> ImportAsync(byte[] file)
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<BankFeedbackService>().ImportAsync(file, "bank.xml", "test", CancellationToken.None);
    }

    private async Task AssertLedgerSoundAsync()
    {
        await using var scope = _db.Scope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<WorkTask> TaskAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().WorkTasks.SingleAsync(t => t.Type == WorkTaskType.PaymentReturned);
    }

    private async Task<(long Committed, long Spent)> PositionAsync()
    {
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var version = await db.GrantVersions.Include(v => v.CareFunctionBudgets).SingleAsync(v => v.GrantId == _world.GrantId && v.IsCurrent);
        var position = await scope.ServiceProvider.GetRequiredService<BudgetLedger>().PositionAsync(version, "02", 2026, CancellationToken.None);
        return (position.CommittedCents, position.SpentCents);
    }
}
