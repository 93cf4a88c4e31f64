using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Grants;
using Shouldly;

namespace OpenPgb.Core.Tests.Access;

/// <summary>Who may see and who may act on a grant, as one table, without a database.</summary>
public sealed class RightsTests
{
    private const int Amsterdam = 1;
    private const int Utrecht = 2;
    private const long OwnProvider = 10;

    private static readonly GrantFacts Grant = new(
        Amsterdam,
        HolderBsn: "111222333",
        HolderName: "J. de Vries",
        Representatives: [("444555666", RepresentativeRights.ReadWrite), ("777888999", RepresentativeRights.Read)],
        ProviderIds: new HashSet<long> { OwnProvider });

    public static TheoryData<string, Actor, GrantRelation, bool, bool, bool, string?> Table() => new()
    {
        { "holder", Actor.Citizen("u1", "Holder", "111222333"), GrantRelation.Holder, true, true, false, null },
        { "representative with write rights", Actor.Citizen("u2", "Rep", "444555666"), GrantRelation.RepresentativeReadWrite, true, true, false, "J. de Vries" },
        { "representative with read rights", Actor.Citizen("u3", "Reader", "777888999"), GrantRelation.RepresentativeRead, true, false, false, "J. de Vries" },
        { "another citizen", Actor.Citizen("u4", "Other", "123456782"), GrantRelation.None, false, false, false, null },
        { "employee of the grantor", Actor.Employee("u5", "Emp", Amsterdam), GrantRelation.Employee, true, false, true, null },
        { "employee with another active grantor (chain authorisation)", Actor.Employee("u6", "Chain", Utrecht), GrantRelation.None, false, false, false, null },
        { "operator", new Actor("u7", "Operator", Accounts.PortalRole.Operator), GrantRelation.Operator, true, false, false, null },
        { "provider with an agreement", Actor.Provider("u8", "Zorg", OwnProvider), GrantRelation.Provider, false, false, false, null },
        { "another provider", Actor.Provider("u9", "Ander", 99), GrantRelation.None, false, false, false, null },
        { "citizen without a BSN", new Actor("u10", "Nobody", Accounts.PortalRole.Citizen), GrantRelation.None, false, false, false, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void RightsOf(string who, Actor actor, GrantRelation relation, bool canSee, bool canActAsCitizen, bool canActAsGrantor, string? onBehalfOf)
    {
        var rights = Rights.RightsOf(actor, Grant);

        rights.ShouldBe(new GrantRights(relation, canSee, canActAsCitizen, canActAsGrantor, onBehalfOf), who);
    }

    [Fact]
    public void RequireCitizenAction_GivesTheHoldersNameForARepresentative_AndRefusesAReader()
    {
        Rights.RightsOf(Actor.Citizen("u1", "Holder", "111222333"), Grant).RequireCitizenAction("signs").ShouldBeNull();
        Rights.RightsOf(Actor.Citizen("u2", "Rep", "444555666"), Grant).RequireCitizenAction("signs").ShouldBe("J. de Vries");
        Should.Throw<NotAllowedException>(() => Rights.RightsOf(Actor.Citizen("u3", "Reader", "777888999"), Grant).RequireCitizenAction("signs"));
        Should.Throw<NotAllowedException>(() => Rights.RightsOf(Actor.Employee("u5", "Emp", Amsterdam), Grant).RequireCitizenAction("signs"));
        Should.Throw<NotAllowedException>(() => Rights.RightsOf(Actor.Citizen("u1", "Holder", "111222333"), Grant).RequireGrantorAction("assesses"));
    }

    [Fact]
    public void EmployeeAndProviderUser_AreOfTheirOwnOrganisationOnly()
    {
        Rights.IsEmployeeOf(Actor.Employee("u5", "Emp", Amsterdam), Amsterdam).ShouldBeTrue();
        Rights.IsEmployeeOf(Actor.Employee("u5", "Emp", Amsterdam), Utrecht).ShouldBeFalse();
        Rights.IsEmployeeOf(Actor.Provider("u8", "Zorg", Amsterdam), Amsterdam).ShouldBeFalse();
        Rights.IsUserOf(Actor.Provider("u8", "Zorg", OwnProvider), OwnProvider).ShouldBeTrue();
        Rights.IsUserOf(Actor.Provider("u8", "Zorg", OwnProvider), 99).ShouldBeFalse();
        Rights.IsUserOf(Actor.Citizen("u1", "Holder", "111222333"), OwnProvider).ShouldBeFalse();
    }

    [Fact]
    public void RequireEmployee_AndRequireProviderUser_AnswerTheirOrganisation_AndRefuseEveryoneElse()
    {
        Rights.RequireEmployee(Actor.Employee("u5", "Emp", Amsterdam), "blocks").ShouldBe(Amsterdam);
        Should.Throw<NotAllowedException>(() => Rights.RequireEmployee(Actor.Citizen("u1", "Holder", "111222333"), "blocks"));
        Should.Throw<NotAllowedException>(() => Rights.RequireEmployee(new Actor("u7", "Operator", Accounts.PortalRole.Operator), "blocks"));
        Should.Throw<NotAllowedException>(() => Rights.RequireEmployeeOf(Actor.Employee("u6", "Chain", Utrecht), Amsterdam, "assesses"));
        Rights.RequireProviderUser(Actor.Provider("u8", "Zorg", OwnProvider), "adds colleagues").ShouldBe(OwnProvider);
        Should.Throw<NotAllowedException>(() => Rights.RequireProviderUser(Actor.Employee("u5", "Emp", Amsterdam), "adds colleagues"));
    }

    [Fact]
    public void ReadsByAnyoneButTheCitizen_AreLogged()
    {
        Rights.IsLoggedRead(Actor.Citizen("u1", "Holder", "111222333")).ShouldBeFalse();
        Rights.IsLoggedRead(Actor.Employee("u5", "Emp", Amsterdam)).ShouldBeTrue();
        Rights.IsLoggedRead(Actor.Provider("u8", "Zorg", OwnProvider)).ShouldBeTrue();
        Rights.IsLoggedRead(new Actor("u7", "Operator", Accounts.PortalRole.Operator)).ShouldBeTrue();
    }
}
