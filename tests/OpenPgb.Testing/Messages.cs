using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Parties;

namespace OpenPgb.Testing;

/// <summary>Hand-made 501s for tests: a valid base message and small changes to it.</summary>
public static class Messages
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public const string ClientBsn = "999990019";
    public const string RepresentativeBsn = "999990020";
    public const string OtherBsn = "999990032";

    public static Message501 Valid(
        IpgbVersion version = IpgbVersion.V23,
        string sender = "0363",
        string identification = "TKB000000001",
        string budgetKey = "B2026000001") =>
        new(
            version,
            new MessageHeader("501", sender, "SVB", identification, Today.AddDays(-1)),
            new ClientRecord(
                ClientBsn,
                new DateOnly(1980, 1, 15),
                new PersonName("Jansen", "van", "J"),
                new BudgetRecord(
                    budgetKey,
                    null,
                    Law.Wmo,
                    Today.AddDays(-5),
                    [
                        new CareFunctionBudgetRecord("02", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), 1_250_000, 25_000),
                        new CareFunctionBudgetRecord("03", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 800_000, null),
                    ],
                    [
                        new RepresentativeRecord("01", RepresentativeBsn, new DateOnly(1975, 3, 2), new PersonName("Jansen", null, "P"), RepresentativeRights.ReadWrite, true),
                    ],
                    new ContactAddress("Dorpsstraat", "1", "A", "1234AB", "Amsterdam", "NL"))));

    public static Message501 WithBudget(this Message501 message, Func<BudgetRecord, BudgetRecord> change) =>
        message with { Client = message.Client with { Budget = change(message.Budget) } };

    public static Message501 WithClient(this Message501 message, Func<ClientRecord, ClientRecord> change) =>
        message with { Client = change(message.Client) };

    public static Message501 WithHeader(this Message501 message, Func<MessageHeader, MessageHeader> change) =>
        message with { Header = change(message.Header) };

    public static byte[] Bytes(this Message501 message) => Message501Writer.Write(message);

    public static async Task<Grantor> AddGrantorAsync(this TestDatabase db, string code = "0363", GrantorKind kind = GrantorKind.Municipality, DateOnly? liveFrom = null)
    {
        await using var scope = db.Scope();
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<GrantorService>(scope.ServiceProvider);
        return await service.AddAsync(code, "Verstrekker " + code, kind, liveFrom ?? new DateOnly(2026, 1, 1), CancellationToken.None);
    }

    public static async Task<IntakeResult> ReceiveAsync(this TestDatabase db, byte[] message, MessageChannel channel = MessageChannel.File, string? authenticatedSender = null)
    {
        await using var scope = db.Scope();
        var intake = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<GrantIntakeService>(scope.ServiceProvider);
        return await intake.ReceiveAsync(message, channel, authenticatedSender, CancellationToken.None);
    }
}
