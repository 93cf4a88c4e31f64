using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;

namespace OpenPgb.Core.Demo;

/// <summary>A demo login, printed when the portal starts.</summary>
public sealed record DemoLogin(string UserName, string Role, string Description);

/// <summary>
/// Fills an empty database with demo data: three grantors, about 50 budget holders whose grants arrive as real 501
/// messages through <see cref="GrantIntakeService"/> (so the intake log is filled, rejected ones included), and a
/// login for every role. Runs once: a database that has grantors is left alone.
/// </summary>
public sealed class DemoDataSeeder(
    OpenPgbDbContext db,
    GrantIntakeService intake,
    UserManager<PortalUser> users,
    DemoAgreementSeeder agreements,
    TimeProvider time)
{
    public const string DemoPassword = "Demo-wachtwoord-2026";

    private static readonly (string Code, string Name, GrantorKind Kind)[] DemoGrantors =
    [
        ("0363", "Gemeente Amsterdam", GrantorKind.Municipality),
        ("0344", "Gemeente Utrecht", GrantorKind.Municipality),
        ("5501", "Zorgkantoor Midden-Holland", GrantorKind.CareOffice),
    ];

    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("budgethouder", "Budgethouder", "ziet 'Mijn budget'"),
        new("vertegenwoordiger", "Vertegenwoordiger", "vertegenwoordigt een budgethouder"),
        new("vertegenwoordiger.lezen", "Vertegenwoordiger", "alleen leesrechten"),
        new("medewerker.amsterdam", "Medewerker verstrekker", "Gemeente Amsterdam"),
        new("medewerker2.amsterdam", "Medewerker verstrekker", "Gemeente Amsterdam, tweede beoordelaar"),
        new("medewerker.utrecht", "Medewerker verstrekker", "Gemeente Utrecht (vier ogen, print zelf)"),
        new("medewerker.zorgkantoor", "Medewerker verstrekker", "Zorgkantoor Midden-Holland"),
        new("medewerker.samenwerking", "Medewerker verstrekker", "ketenmachtiging Amsterdam en Utrecht"),
        new("zorgverlener", "Zorgverlener", "Zorg Op Maat B.V."),
        new("zorgverlener.collega", "Zorgverlener", "tweede gebruiker van Zorg Op Maat B.V."),
        new("mantelzorger", "Zorgverlener", "informele zorgverlener"),
        new("operator", "Medewerker SVB", "beheer verstrekkers, tokens, berichtenlog, printstraat, tranches"),
        new(DemoConversion.Grantors[0].EmployeeLogin, "Medewerker verstrekker", "Gemeente Rotterdam, nog op PGB1: conversie"),
        new(DemoConversion.Grantors[1].EmployeeLogin, "Medewerker verstrekker", "Gemeente 's-Gravenhage, nog op PGB1: conversie"),
        new(DemoConversion.CitizenLogin, "Budgethouder", "Rotterdam: ziet na de conversie de historie uit PGB1"),
    ];

    public async Task<bool> SeedAsync(int budgetHolders, CancellationToken cancellationToken)
    {
        if (await db.Grantors.AnyAsync(cancellationToken))
        {
            return false;
        }

        var today = time.Today();
        var generator = new SyntheticMessageGenerator(20261123, [.. DemoGrantors.Select(g => (g.Code, g.Kind))], today);
        Message501? firstAdult = null;
        Message501? represented = null;
        Message501? readOnly = null;
        Message501? utrecht = null;
        var messages = new List<Message501>(budgetHolders);
        for (var i = 1; i <= budgetHolders; i++)
        {
            var message = generator.Next(i, (i - 1) % DemoGrantors.Length);
            if (firstAdult is null && message.Header.Sender == "0363" && message.Client.BirthDate.AddYears(18) <= today && message.Budget.Representatives.Count == 0)
            {
                firstAdult = message;
            }

            if (represented is null && message.Header.Sender == "0363" && message.Budget.Representatives.Any(r => r.Rights == RepresentativeRights.ReadWrite) && message.Version == IpgbVersion.V23)
            {
                represented = message;
            }

            // One budget with only read-only representatives, whatever the generator drew, for the read-rights login
            // (iPgb 2.3 only: 2.0.2 has no rights and means full rights).
            if (readOnly is null && represented is not null && message != represented && message.Version == IpgbVersion.V23 && message.Budget.Representatives.Count > 0)
            {
                message = message with
                {
                    Client = message.Client with
                    {
                        Budget = message.Budget with { Representatives = [.. message.Budget.Representatives.Select(r => r with { Rights = RepresentativeRights.Read })] },
                    },
                };
                readOnly = message;
            }

            if (utrecht is null && message.Header.Sender == "0344" && message.Client.BirthDate.AddYears(18) <= today)
            {
                utrecht = message;
            }

            messages.Add(message);
        }

        // The logins need an adult Amsterdam holder without representatives and a budget with a representative who
        // may act: refuse a demo too small to have both before anything is written.
        if (firstAdult is null || represented is null)
        {
            throw new ArgumentOutOfRangeException(nameof(budgetHolders), budgetHolders,
                $"A demo of {budgetHolders} budget holders has no adult budget holder of Gemeente Amsterdam without representatives "
                + "or no budget with a representative who may act, which the demo logins need: use more (the default is 50).");
        }

        var liveFrom = new DateOnly(today.Year, 1, 1).AddYears(-1);
        var grantors = new List<Grantor>();
        foreach (var (code, name, kind) in DemoGrantors)
        {
            var grantor = new Grantor(code, name, kind, liveFrom);
            db.Grantors.Add(grantor);
            grantors.Add(grantor);
        }

        // Two municipalities still on PGB1, for the tranche rehearsal (`openpgb demo conversion`): not live, no grants yet.
        var converting = DemoConversion.Grantors.Select(g => new Grantor(g.Code, g.Name, GrantorKind.Municipality, null)).ToList();
        db.Grantors.AddRange(converting);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        foreach (var message in messages)
        {
            await intake.ReceiveAsync(Message501Writer.Write(message), MessageChannel.File, null, cancellationToken);
        }

        await SeedRejectedExamplesAsync(generator, budgetHolders, cancellationToken);
        await SeedUsersAsync(grantors, firstAdult, represented, readOnly);
        await SeedConversionUsersAsync(converting);
        await agreements.SeedAsync(grantors[0], grantors[1], firstAdult.Client.Bsn, utrecht?.Client.Bsn, cancellationToken);
        return true;
    }

    /// <summary>A few messages with errors, so the intake log shows what a rejection looks like.</summary>
    private async Task SeedRejectedExamplesAsync(SyntheticMessageGenerator generator, int offset, CancellationToken cancellationToken)
    {
        var badBsn = generator.Next(offset + 1, 0);
        badBsn = badBsn with { Client = badBsn.Client with { Bsn = "999999991" } };
        var overlapping = generator.Next(offset + 2, 1);
        var first = overlapping.Budget.CareFunctionBudgets[0];
        overlapping = overlapping with
        {
            Client = overlapping.Client with
            {
                Budget = overlapping.Budget with { CareFunctionBudgets = [first, first with { AmountCents = 100_000 }] },
            },
        };
        await intake.ReceiveAsync(Message501Writer.Write(badBsn), MessageChannel.File, null, cancellationToken);
        await intake.ReceiveAsync(Message501Writer.Write(overlapping), MessageChannel.File, null, cancellationToken);
        await intake.ReceiveAsync("<Bericht>niet af"u8.ToArray(), MessageChannel.File, null, cancellationToken);
    }

    private async Task SeedUsersAsync(List<Grantor> grantors, Message501 holder, Message501 represented, Message501? readOnly)
    {
        await CreateAsync(new PortalUser { UserName = "budgethouder", Role = PortalRole.Citizen, Bsn = holder.Client.Bsn, DisplayName = holder.Client.Name.Display });
        var representative = represented.Budget.Representatives.First(r => r.Rights == RepresentativeRights.ReadWrite);
        await CreateAsync(new PortalUser { UserName = "vertegenwoordiger", Role = PortalRole.Citizen, Bsn = representative.Bsn, DisplayName = representative.Name.Display });
        if (readOnly?.Budget.Representatives.FirstOrDefault(r => r.Bsn != representative.Bsn) is { } reader)
        {
            await CreateAsync(new PortalUser { UserName = "vertegenwoordiger.lezen", Role = PortalRole.Citizen, Bsn = reader.Bsn, DisplayName = reader.Name.Display });
        }

        string[] employeeNames = ["medewerker.amsterdam", "medewerker.utrecht", "medewerker.zorgkantoor"];
        for (var i = 0; i < grantors.Count; i++)
        {
            var employee = new PortalUser { UserName = employeeNames[i], Role = PortalRole.GrantorEmployee, DisplayName = "Medewerker " + grantors[i].Name };
            employee.Grantors.Add(new PortalUserGrantor { GrantorId = grantors[i].Id });
            await CreateAsync(employee);
        }

        var second = new PortalUser { UserName = "medewerker2.amsterdam", Role = PortalRole.GrantorEmployee, DisplayName = "Tweede medewerker Gemeente Amsterdam" };
        second.Grantors.Add(new PortalUserGrantor { GrantorId = grantors[0].Id });
        await CreateAsync(second);

        // Chain authorisation: a shared service working for Amsterdam and Utrecht.
        var shared = new PortalUser { UserName = "medewerker.samenwerking", Role = PortalRole.GrantorEmployee, DisplayName = "Medewerker samenwerkingsverband" };
        shared.Grantors.Add(new PortalUserGrantor { GrantorId = grantors[0].Id });
        shared.Grantors.Add(new PortalUserGrantor { GrantorId = grantors[1].Id });
        await CreateAsync(shared);

        await CreateAsync(new PortalUser { UserName = "operator", Role = PortalRole.Operator, DisplayName = "Medewerker SVB" });
    }

    private async Task SeedConversionUsersAsync(List<Grantor> converting)
    {
        for (var i = 0; i < converting.Count; i++)
        {
            var employee = new PortalUser { UserName = DemoConversion.Grantors[i].EmployeeLogin, Role = PortalRole.GrantorEmployee, DisplayName = "Medewerker " + converting[i].Name };
            employee.Grantors.Add(new PortalUserGrantor { GrantorId = converting[i].Id });
            await CreateAsync(employee);
        }

        // The first budget holder of Rotterdam's demo export: sees nothing until the conversion, then the PGB1 history.
        var bsn = Pgb1DemoExport.FirstBudgetHolderBsn(DemoConversion.Options(DemoConversion.Grantors[0].Code, DemoConversion.ReferenceDate(time.Today()), 4));
        await CreateAsync(new PortalUser { UserName = DemoConversion.CitizenLogin, Role = PortalRole.Citizen, Bsn = bsn, DisplayName = "Budgethouder Rotterdam" });
    }

    private async Task CreateAsync(PortalUser user)
    {
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
