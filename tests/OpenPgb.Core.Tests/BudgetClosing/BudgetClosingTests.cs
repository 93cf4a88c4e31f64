using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.BudgetClosing;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.BudgetClosing;

/// <summary>507 production from the ledger (period ended, overspent, calendar year closed), once each; 508 answers.</summary>
public sealed class BudgetClosingTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = "http://www.istandaarden.nl/ipgb/2_3/ipgb507/schema";
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _out = Directory.CreateTempSubdirectory("openpgb-507-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task Produce_YearClosedThenPeriodEnded_EachOnce_ValidAgainstTheSchema_WithSpendFromTheLedger()
    {
        var agreement = await _world.ApprovedAsync();
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 10, month: 10));
        await _world.RunPaymentsAsync(_out);

        (await ProduceAsync(new DateOnly(2026, 11, 23))).ShouldBe(0);

        // Care function 02 runs 2026-04-01 to 2027-03-31: its 2026 part closes with the year.
        (await ProduceAsync(new DateOnly(2027, 1, 5))).ShouldBe(1);
        var yearClosed = (await MessagesAsync()).Single();
        yearClosed.Reason.ShouldBe(ClosingReason.YearClosed);
        yearClosed.CareFunctionCode.ShouldBe("02");
        yearClosed.PeriodEnd.ShouldBe(new DateOnly(2026, 12, 31));
        yearClosed.SpentCents.ShouldBe(35_000);
        yearClosed.Identification.ShouldBe($"BAB{yearClosed.Id:D9}");
        AssertValid507(yearClosed.Xml);
        var zorgfunctiebudget = XDocument.Parse(Encoding.UTF8.GetString(yearClosed.Xml)).Descendants(Ns + "Zorgfunctiebudget").Single();
        zorgfunctiebudget.Element(Ns + "RedenAfsluiting")!.Value.ShouldBe("03");
        zorgfunctiebudget.Element(Ns + "BestedBedrag")!.Value.ShouldBe("35000");

        // Care function 03 ended 2026-12-31: its 507 comes 14 weeks later, on 2027-04-08, and only once.
        (await ProduceAsync(new DateOnly(2027, 4, 7))).ShouldBe(0);
        (await ProduceAsync(new DateOnly(2027, 4, 8))).ShouldBe(1);
        (await ProduceAsync(new DateOnly(2027, 4, 8))).ShouldBe(0);
        (await MessagesAsync()).ShouldContain(m => m.CareFunctionCode == "03" && m.Reason == ClosingReason.PeriodEnded && m.SpentCents == 0);
    }

    [Fact]
    public async Task Produce_SpendAboveALoweredBudget_GivesAn02_AndTheGrantorATask()
    {
        var agreement = await _world.ApprovedAsync(AgreementWorld.Terms(careFunction: "03"));
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 10, month: 10, careFunction: "03"));
        await _world.RunPaymentsAsync(_out);
        var lowered = Messages.Valid(identification: "TKB000000002").WithBudget(b => b with
        {
            CareFunctionBudgets = [b.CareFunctionBudgets[0], b.CareFunctionBudgets[1] with { AmountCents = 10_000 }],
        });
        (await _db.ReceiveAsync(lowered.Bytes())).IsAccepted.ShouldBeTrue();

        (await ProduceAsync(new DateOnly(2026, 11, 24))).ShouldBe(1);

        var overspent = (await MessagesAsync()).Single();
        overspent.Reason.ShouldBe(ClosingReason.Overspent);
        overspent.GrantedCents.ShouldBe(10_000);
        overspent.SpentCents.ShouldBe(35_000);

        // The lowered version was applied (a business consequence, not a rejection) and the grantor has a task.
        await using var scope = _db.Scope();
        var task = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().WorkTasks.SingleAsync(t => t.Type == WorkTasks.WorkTaskType.BudgetBelowCommitted);
        task.SubjectId.ShouldBe(_world.GrantId);
        task.Title.ShouldContain("zorgfunctie 03 2026: € 250,00 tekort");
    }

    [Fact]
    public async Task Retour508_IsRecordedOnce_OnlyFromTheGrantorItWasSentTo()
    {
        var agreement = await _world.ApprovedAsync();
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 10));
        await ProduceAsync(new DateOnly(2027, 1, 5));
        var message = (await MessagesAsync()).Single();

        (await RetourAsync("0363", Retour508.For("0344", message.Identification))).ShouldBe(RetourOutcome.WrongSender);
        (await RetourAsync("0344", Retour508.For("0344", message.Identification))).ShouldBe(RetourOutcome.UnknownMessage);
        (await RetourAsync("0363", Retour508.For("0363", "BAB999999999"))).ShouldBe(RetourOutcome.UnknownMessage);
        (await RetourAsync("0363", Retour508.For("0363", message.Identification))).ShouldBe(RetourOutcome.Recorded);
        (await RetourAsync("0363", Retour508.For("0363", message.Identification))).ShouldBe(RetourOutcome.AlreadyAnswered);
        await Should.ThrowAsync<Retour508Exception>(() => RetourAsync("0363", Encoding.UTF8.GetBytes("<Bericht/>")));

        var answered = (await MessagesAsync()).Single();
        answered.Accepted.ShouldBe(true);
        answered.RetourCodes.ShouldBe("0200,0200,0200,0200");
    }

    private static void AssertValid507(byte[] xml)
    {
        var schema = IpgbSchemas.For("507", IpgbVersion.V23);
        using var reader = XmlReader.Create(new MemoryStream(xml), SafeXml.ValidatingSettings(schema.Schemas, 1_000_000));
        while (reader.Read())
        {
        }
    }

    private async Task<int> ProduceAsync(DateOnly today)
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<BudgetClosingService>().ProduceDueAsync(today, CancellationToken.None);
    }

    private async Task<RetourOutcome> RetourAsync(string grantor, byte[] content)
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<BudgetClosingService>().ReceiveRetourAsync(grantor, content, CancellationToken.None);
    }

    private async Task<List<BudgetClosingMessage>> MessagesAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().BudgetClosingMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }
}
