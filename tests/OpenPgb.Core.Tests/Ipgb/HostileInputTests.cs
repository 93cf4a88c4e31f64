using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Ipgb;

/// <summary>
/// Every hostile-input vector is answered with 0001, only the intake record is stored, and the service keeps working
/// (a valid message afterwards is accepted).
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const string Ns = "http://www.istandaarden.nl/ipgb/2_3/ipgb501/schema";
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.AddGrantorAsync("0363");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string, bool> Vectors()
    {
        var data = new TheoryData<string, bool>
        {
            // name, header readable (so HTTP would answer 200 rather than 400)
            { "external-entity", false },
            { "billion-laughs", false },
            { "quadratic-blowup", false },
            { "deep-nesting", true },
            { "remote-schema-location", true },
            { "invalid-character", true },
            { "wrong-namespace", false },
            { "duplicate-element", true },
            { "not-well-formed", true },
            { "empty", false },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Receive_HostileInput_IsRejected0001AndStoresOnlyTheIntakeRecord(string vector, bool headerReadable)
    {
        var bytes = Encoding.UTF8.GetBytes(Build(vector));

        var result = await _db.ReceiveAsync(bytes);

        result.Outcome.ShouldBe(IntakeOutcome.Rejected);
        result.Codes.ShouldBe([ReturnCodes.TechnicalRejection]);
        result.HeaderReadable.ShouldBe(headerReadable);
        result.Response.ShouldNotBeNull();
        await AssertOnlyIntakeRecordAsync();
        (await _db.ReceiveAsync(Messages.Valid(identification: "AFTER0001").Bytes())).Outcome.ShouldBe(IntakeOutcome.Accepted);
    }

    [Fact]
    public async Task Receive_Oversized_IsRejected0001WithoutKeepingTheBytes()
    {
        var valid = Encoding.UTF8.GetString(Messages.Valid().Bytes());
        var padded = valid.Replace("<Client>", "<Client>" + new string(' ', 1024 * 1024 + 10), StringComparison.Ordinal);

        var result = await _db.ReceiveAsync(Encoding.UTF8.GetBytes(padded));

        result.Codes.ShouldBe([ReturnCodes.TechnicalRejection]);
        result.HeaderReadable.ShouldBeFalse();
        await using var scope = _db.Scope();
        var intake = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().IntakeMessages.SingleAsync();
        intake.RawContent.ShouldBeEmpty();
        intake.SizeBytes.ShouldBe(0);
    }

    private static string Build(string vector)
    {
        var valid = Encoding.UTF8.GetString(Messages.Valid().Bytes());
        var afterDeclaration = valid[valid.IndexOf("<Bericht", StringComparison.Ordinal)..];
        return vector switch
        {
            "external-entity" => "<?xml version=\"1.0\"?><!DOCTYPE Bericht [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + afterDeclaration.Replace("<Geslachtsnaam>Jansen", "<Geslachtsnaam>&xxe;", StringComparison.Ordinal),
            "billion-laughs" => "<?xml version=\"1.0\"?><!DOCTYPE Bericht [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + afterDeclaration.Replace("<Geslachtsnaam>Jansen", "<Geslachtsnaam>&d;", StringComparison.Ordinal),
            "quadratic-blowup" => "<?xml version=\"1.0\"?><!DOCTYPE Bericht [<!ENTITY big \"" + new string('x', 50_000) + "\">]>"
                + afterDeclaration.Replace("<Geslachtsnaam>Jansen", "<Geslachtsnaam>" + string.Concat(Enumerable.Repeat("&big;", 2000)), StringComparison.Ordinal),
            "deep-nesting" => valid.Replace("<Client>", "<Client>" + string.Concat(Enumerable.Repeat("<Client>", 10_000)) + string.Concat(Enumerable.Repeat("</Client>", 10_000)), StringComparison.Ordinal),
            "remote-schema-location" => valid.Replace("<Bericht xmlns=\"" + Ns + "\">", "<Bericht xmlns=\"" + Ns + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + Ns + " http://evil.example/x.xsd\">", StringComparison.Ordinal),
            "invalid-character" => valid.Replace("<Geslachtsnaam>Jansen", "<Geslachtsnaam>Jan\u0001sen", StringComparison.Ordinal),
            "wrong-namespace" => valid.Replace(Ns, "http://www.istandaarden.nl/ipgb/9_9/ipgb501/schema", StringComparison.Ordinal),
            "duplicate-element" => valid.Replace("<Wet>WMO</Wet>", "<Wet>WMO</Wet><Wet>WMO</Wet>", StringComparison.Ordinal),
            "not-well-formed" => valid.Replace("</Client>", string.Empty, StringComparison.Ordinal),
            "empty" => string.Empty,
            _ => throw new ArgumentOutOfRangeException(nameof(vector)),
        };
    }

    private async Task AssertOnlyIntakeRecordAsync()
    {
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.IntakeMessages.CountAsync()).ShouldBe(1);
        (await db.Grants.CountAsync()).ShouldBe(0);
        (await db.BudgetHolders.CountAsync()).ShouldBe(0);
    }
}
