using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.CareAgreements;

/// <summary>Every citizen action, for a representative with write rights (acts as the holder, audited "X voor Y") and with read rights (refused).</summary>
public sealed class RepresentativeRightsTests
{
    public enum CitizenAction
    {
        Draft,
        UpdateDraft,
        Sign,
        StartChange,
        End,
    }

    [Theory]
    [InlineData(CitizenAction.Draft)]
    [InlineData(CitizenAction.UpdateDraft)]
    [InlineData(CitizenAction.Sign)]
    [InlineData(CitizenAction.StartChange)]
    [InlineData(CitizenAction.End)]
    public async Task WriteRepresentative_MayAct_AndIsAuditedOnBehalfOfTheHolder(CitizenAction action)
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db, RepresentativeRights.ReadWrite);
        var id = await PrepareAsync(world, action);

        await ActAsync(world, world.Representative, action, id);

        await using var scope = db.Scope();
        var last = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().AccessLogEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        last.UserId.ShouldBe(world.Representative.UserId);
        last.OnBehalfOf.ShouldBe("J. van Jansen");
    }

    [Theory]
    [InlineData(CitizenAction.Draft)]
    [InlineData(CitizenAction.UpdateDraft)]
    [InlineData(CitizenAction.Sign)]
    [InlineData(CitizenAction.StartChange)]
    [InlineData(CitizenAction.End)]
    public async Task ReadRepresentative_IsRefused_AndNothingChanges(CitizenAction action)
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db, RepresentativeRights.Read);
        var id = await PrepareAsync(world, action);
        AgreementStatus? before = id == 0 ? null : (await world.LoadAsync(id)).Status;

        await Should.ThrowAsync<NotAllowedException>(() => ActAsync(world, world.Representative, action, id));

        if (before is not null)
        {
            (await world.LoadAsync(id)).Status.ShouldBe(before.Value);
        }
    }

    [Fact]
    public async Task Stranger_DoesNotSeeTheGrantOrTheAgreement()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        var id = await world.DraftAsync();

        await Should.ThrowAsync<NotVisibleException>(() => ActAsync(world, world.Stranger, CitizenAction.Draft, 0));
        await Should.ThrowAsync<NotVisibleException>(() => ActAsync(world, world.Stranger, CitizenAction.Sign, id));
    }

    [Fact]
    public async Task WriteRepresentative_SignatureNamesBoth()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        var id = await world.DraftAsync();

        await ActAsync(world, world.Representative, CitizenAction.Sign, id);

        (await world.LoadAsync(id)).LatestVersion.SignedByHolderName.ShouldBe("P. Jansen voor J. van Jansen");
    }

    private static async Task<long> PrepareAsync(AgreementWorld world, CitizenAction action) => action switch
    {
        CitizenAction.Draft => 0,
        CitizenAction.UpdateDraft or CitizenAction.Sign => await world.DraftAsync(),
        CitizenAction.StartChange or CitizenAction.End => await world.ApprovedAsync(),
    };

    private static Task ActAsync(AgreementWorld world, Actor actor, CitizenAction action, long id) => world.AsAsync(actor, s => action switch
    {
        CitizenAction.Draft => s.DraftAsync(actor, world.GrantId, world.ProviderId, AgreementWorld.Terms(), CancellationToken.None),
        CitizenAction.UpdateDraft => s.UpdateDraftAsync(actor, id, AgreementWorld.Terms(tariffCents: 3_000), CancellationToken.None),
        CitizenAction.Sign => s.SignAsBudgetHolderAsync(actor, id, CancellationToken.None),
        CitizenAction.StartChange => s.StartChangeAsync(actor, id, AgreementWorld.Terms(tariffCents: 3_600), CancellationToken.None),
        CitizenAction.End => s.EndAsync(actor, id, new DateOnly(2026, 10, 31), "Verhuisd", CancellationToken.None),
    });
}
