using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Ipgb;

/// <summary>Intake against real PostgreSQL: what is stored, what is answered, and what never changes.</summary>
public sealed class GrantIntakeServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.AddGrantorAsync("0363");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(IpgbVersion.V202)]
    [InlineData(IpgbVersion.V23)]
    public async Task Receive_ValidMessage_StoresGrantVersionLinkedToMessage(IpgbVersion version)
    {
        var result = await _db.ReceiveAsync(Messages.Valid(version).Bytes());

        result.Outcome.ShouldBe(IntakeOutcome.Accepted);
        result.Codes.ShouldBe([ReturnCodes.NoRemark]);
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var grant = await db.Grants.Include(g => g.Versions).ThenInclude(v => v.CareFunctionBudgets).Include(g => g.Versions).ThenInclude(v => v.Representatives).SingleAsync();
        grant.BudgetKey.ShouldBe("B2026000001");
        var current = grant.CurrentVersion!;
        current.Number.ShouldBe(1);
        current.IntakeMessageId.ShouldBe(result.IntakeMessageId);
        current.TotalCents.ShouldBe(2_050_000);
        current.CareFunctionBudgets.Single(b => b.CareFunctionCode == "02").UnaccountableCents.ShouldBe(25_000);
        current.Representatives.Single().Rights.ShouldBe(RepresentativeRights.ReadWrite);
        current.Contact!.City.ShouldBe("Amsterdam");
        var intake = await db.IntakeMessages.SingleAsync();
        intake.GrantId.ShouldBe(grant.Id);
        intake.StandardVersion.ShouldBe(IpgbSchemas.VersionLabel(version));
        intake.RawContent.ShouldBe(Messages.Valid(version).Bytes());
        intake.Response.ShouldNotBeNull();
    }

    [Fact]
    public async Task Receive_NewVersion_KeepsOldVersionAndAppliesFullState()
    {
        await _db.ReceiveAsync(Messages.Valid().Bytes());
        var second = Messages.Valid(identification: "TKB000000002")
            .WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0]], Representatives = [] });

        (await _db.ReceiveAsync(second.Bytes())).Outcome.ShouldBe(IntakeOutcome.Accepted);

        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var grant = await db.Grants.Include(g => g.Versions).ThenInclude(v => v.CareFunctionBudgets).Include(g => g.Access).SingleAsync();
        grant.Versions.Count.ShouldBe(2);
        grant.Versions.Single(v => v.Number == 1).IsCurrent.ShouldBeFalse();
        grant.Versions.Single(v => v.Number == 1).CareFunctionBudgets.Count.ShouldBe(2);
        grant.CurrentVersion!.Number.ShouldBe(2);
        grant.CurrentVersion.CareFunctionBudgets.ShouldHaveSingleItem();
        // The representative is no longer carried, so they lose access (full state, never a delta).
        grant.Access.ShouldHaveSingleItem().Kind.ShouldBe(GrantAccessKind.BudgetHolder);
    }

    [Fact]
    public async Task Receive_PreviousBudgetKey_ReKeysTheExistingGrant()
    {
        await _db.ReceiveAsync(Messages.Valid().Bytes());
        var rekey = Messages.Valid(identification: "TKB000000002", budgetKey: "B2026000099").WithBudget(b => b with { PreviousBudgetKey = "B2026000001" });

        (await _db.ReceiveAsync(rekey.Bytes())).Outcome.ShouldBe(IntakeOutcome.Accepted);

        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var grant = await db.Grants.Include(g => g.Versions).SingleAsync();
        grant.BudgetKey.ShouldBe("B2026000099");
        grant.Versions.OrderBy(v => v.Number).Select(v => v.BudgetKey).ShouldBe(["B2026000001", "B2026000099"]);
    }

    [Fact]
    public async Task Receive_UnknownPreviousBudgetKey_Gives9009AndStoresNoGrant()
    {
        var result = await _db.ReceiveAsync(Messages.Valid().WithBudget(b => b with { PreviousBudgetKey = "B-UNKNOWN" }).Bytes());

        result.Codes.ShouldBe([ReturnCodes.PreviousBudgetKeyUnknown]);
        await AssertNoGrantsAsync();
    }

    [Fact]
    public async Task Receive_KnownKeyForOtherBudgetHolder_Gives9010()
    {
        await _db.ReceiveAsync(Messages.Valid().Bytes());
        var other = Messages.Valid(identification: "TKB000000002").WithClient(c => c with { Bsn = Messages.OtherBsn });

        (await _db.ReceiveAsync(other.Bytes())).Codes.ShouldBe([ReturnCodes.BudgetKeyConflict]);
    }

    [Fact]
    public async Task Receive_SameIdentityAndContent_AnswersStoredRetourAndChangesNothing()
    {
        var bytes = Messages.Valid().Bytes();
        var first = await _db.ReceiveAsync(bytes);

        var again = await _db.ReceiveAsync(bytes);

        again.Outcome.ShouldBe(IntakeOutcome.Replayed);
        again.Response.ShouldBe(first.Response);
        again.IsAccepted.ShouldBeTrue();
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.GrantVersions.CountAsync()).ShouldBe(1);
        (await db.IntakeMessages.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Receive_SameIdentityOtherContent_Gives9056AndChangesNothing()
    {
        await _db.ReceiveAsync(Messages.Valid().Bytes());

        var result = await _db.ReceiveAsync(Messages.Valid().WithClient(c => c with { Name = c.Name with { Surname = "Anders" } }).Bytes());

        result.Outcome.ShouldBe(IntakeOutcome.Rejected);
        result.Codes.ShouldBe([ReturnCodes.IdentificationNotUnique]);
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.GrantVersions.CountAsync()).ShouldBe(1);
        (await db.BudgetHolders.SingleAsync()).Name.Surname.ShouldBe("Jansen");
    }

    [Fact]
    public async Task Receive_RejectedMessageReplayed_AnswersTheSameRejection()
    {
        var bad = Messages.Valid().WithClient(c => c with { Bsn = "999990018" }).Bytes();
        var first = await _db.ReceiveAsync(bad);

        var again = await _db.ReceiveAsync(bad);

        first.Codes.ShouldBe([ReturnCodes.BsnFailsElevenTest]);
        again.Outcome.ShouldBe(IntakeOutcome.Replayed);
        again.Codes.ShouldBe([ReturnCodes.BsnFailsElevenTest]);
        again.IsAccepted.ShouldBeFalse();
    }

    [Fact]
    public async Task Receive_UnknownSender_Gives0018()
    {
        var result = await _db.ReceiveAsync(Messages.Valid(sender: "9999").Bytes());

        result.Codes.ShouldBe([ReturnCodes.SenderUnknownOrNotLive]);
        await AssertNoGrantsAsync();
    }

    [Fact]
    public async Task Receive_GrantorNotYetLive_Gives0018_ExceptOnConversionChannel()
    {
        await _db.AddGrantorAsync("0344", liveFrom: new DateOnly(2027, 3, 1));
        var message = Messages.Valid(sender: "0344").Bytes();

        (await _db.ReceiveAsync(message)).Codes.ShouldBe([ReturnCodes.SenderUnknownOrNotLive]);
        var conversion = Messages.Valid(sender: "0344", identification: "CONV00000001").Bytes();
        (await _db.ReceiveAsync(conversion, MessageChannel.Conversion)).Outcome.ShouldBe(IntakeOutcome.Accepted);
    }

    [Fact]
    public async Task Receive_AuthenticatedAsOtherGrantor_IsRefusedWithoutRetour()
    {
        var result = await _db.ReceiveAsync(Messages.Valid().Bytes(), MessageChannel.Http, authenticatedSender: "0344");

        result.Outcome.ShouldBe(IntakeOutcome.Refused);
        result.Response.ShouldBeNull();
        await AssertNoGrantsAsync();
    }

    [Fact]
    public async Task Receive_SeveralErrors_ReportsEachOnItsRecord()
    {
        var message = Messages.Valid().WithBudget(b => b with
        {
            CareFunctionBudgets = [b.CareFunctionBudgets[0] with { CareFunction = "42" }, b.CareFunctionBudgets[1] with { AmountCents = 0 }],
            Representatives = [b.Representatives[0] with { Bsn = Messages.ClientBsn }],
        });

        var result = await _db.ReceiveAsync(message.Bytes());

        result.Codes.Order().ShouldBe([ReturnCodes.CareFunctionNotInCodeList, ReturnCodes.AmountNotPositive, ReturnCodes.RepresentativeBsnConflict]);
        var text = System.Text.Encoding.UTF8.GetString(result.Response!);
        text.ShouldContain("<RetourCode>9003</RetourCode>");
        text.ShouldContain("<RetourCode>9006</RetourCode>");
        text.ShouldContain("<RetourCode>9008</RetourCode>");
        await AssertNoGrantsAsync();
    }

    [Fact]
    public async Task Receive_GrantOfOtherGrantor_IsInvisibleInGrantorScope()
    {
        await _db.AddGrantorAsync("0344");
        await _db.ReceiveAsync(Messages.Valid().Bytes());
        await _db.ReceiveAsync(Messages.Valid(sender: "0344", identification: "U1", budgetKey: "U-1").WithClient(c => c with { Bsn = Messages.OtherBsn }).Bytes());

        int utrecht;
        await using (var system = _db.Scope())
        {
            utrecht = (await system.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Grantors.SingleAsync(g => g.Code == "0344")).Id;
        }

        await using var scope = _db.Scope(AccessScope.ForGrantors([utrecht]));
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.Grants.Select(g => g.BudgetKey).ToListAsync()).ShouldBe(["U-1"]);
        (await db.BudgetHolders.Select(b => b.Bsn).ToListAsync()).ShouldBe([Messages.OtherBsn]);
        (await db.GrantVersions.CountAsync()).ShouldBe(1);
        (await db.IntakeMessages.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Receive_Representative_SeesRepresentedGrantInCitizenScope_NobodyElse()
    {
        await _db.ReceiveAsync(Messages.Valid().Bytes());

        await using (var rep = _db.Scope(AccessScope.ForCitizen(Messages.RepresentativeBsn)))
        {
            (await rep.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Grants.CountAsync()).ShouldBe(1);
            (await rep.ServiceProvider.GetRequiredService<OpenPgbDbContext>().IntakeMessages.CountAsync()).ShouldBe(0);
        }

        await using var stranger = _db.Scope(AccessScope.ForCitizen(Messages.OtherBsn));
        (await stranger.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Grants.CountAsync()).ShouldBe(0);
        (await stranger.ServiceProvider.GetRequiredService<OpenPgbDbContext>().BudgetHolders.CountAsync()).ShouldBe(0);
        await using var none = _db.Scope(AccessScope.None);
        (await none.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Grants.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Receive_ConcurrentCopiesOfOneMessage_ApplyOnce()
    {
        var bytes = Messages.Valid().Bytes();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _db.ReceiveAsync(bytes)));

        results.Count(r => r.Outcome == IntakeOutcome.Accepted).ShouldBe(1);
        results.Count(r => r.Outcome == IntakeOutcome.Replayed).ShouldBe(5);
        await using var scope = _db.Scope();
        (await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().GrantVersions.CountAsync()).ShouldBe(1);
    }

    private async Task AssertNoGrantsAsync()
    {
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.Grants.CountAsync()).ShouldBe(0);
        (await db.BudgetHolders.CountAsync()).ShouldBe(0);
    }
}
