using System.Xml;
using System.Xml.Linq;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Ipgb;

public sealed class Retour502WriterTests
{
    [Theory]
    [InlineData(IpgbVersion.V202, "http://www.istandaarden.nl/ipgb/2_0/ipgb502/schema", "Relatie")]
    [InlineData(IpgbVersion.V23, "http://www.istandaarden.nl/ipgb/2_3/ipgb502/schema", "Vertegenwoordiger")]
    public void Write_RejectedBudget_ValidatesAndMarksChildrenNotAssessed(IpgbVersion version, string ns, string representativeElement)
    {
        var message = Messages.Valid(version);
        var findings = new RetourFindings();
        findings.Add(RecordRef.Budget, ReturnCodes.WholePackageCombined);

        var bytes = Retour502Writer.Write(new Retour502Input(version, "0363", "TKB000000001", Messages.Today, [], message, findings), Messages.Today);

        AssertValid(bytes, version);
        var doc = XDocument.Load(new MemoryStream(bytes));
        XNamespace x = ns;
        doc.Root!.Name.ShouldBe(x + "Bericht");
        doc.Descendants(x + "BerichtCode").Single().Value.ShouldBe("502");
        doc.Descendants(x + "Ontvanger").Single().Value.ShouldBe("0363");
        doc.Descendants(x + "Header").Single().Element(x + "RetourCodes")!.Value.ShouldBe("0200");
        doc.Descendants(x + "Client").Single().Element(x + "RetourCodes")!.Value.ShouldBe("0200");
        doc.Descendants(x + "Budget").Single().Element(x + "RetourCodes")!.Value.ShouldBe("9004");
        doc.Descendants(x + "Zorgfunctiebudget").Select(z => z.Element(x + "RetourCodes")!.Value).ShouldAllBe(v => v == "0233");
        doc.Descendants(x + representativeElement).Single().Element(x + "RetourCodes")!.Value.ShouldBe("0233");
        doc.Descendants(x + "Contact").Single().Element(x + "RetourCodes")!.Value.ShouldBe("0233");
    }

    [Fact]
    public void Write_HeaderOnly_ValidatesWithoutIdentity()
    {
        var bytes = Retour502Writer.Write(new Retour502Input(IpgbVersion.V23, null, null, null, [ReturnCodes.TechnicalRejection], null, null), Messages.Today);
        AssertValid(bytes, IpgbVersion.V23);
        var doc = XDocument.Load(new MemoryStream(bytes));
        doc.Descendants().Where(e => e.Name.LocalName == "RetourCode").Select(e => e.Value).ShouldBe(["0001"]);
        doc.Descendants().Any(e => e.Name.LocalName == "Client").ShouldBeFalse();
    }

    [Fact]
    public void NewRetourIdentification_IsTwelveCharactersAndVaries()
    {
        var a = Retour502Writer.NewRetourIdentification();
        a.Length.ShouldBe(12);
        a.ShouldStartWith("R");
        Retour502Writer.NewRetourIdentification().ShouldNotBe(a);

        // Upper-case letters and digits without I and O (never mistaken for 1 and 0), each of them in use.
        var drawn = Enumerable.Range(0, 500).SelectMany(_ => Retour502Writer.NewRetourIdentification()[1..]).ToHashSet();
        drawn.ShouldBe("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    public void NewRetourIdentification_DrawsEveryCharacterEquallyOften()
    {
        // 68,000 characters, 2,000 expected of each. A plain "byte modulo 34" would favour 18 of them (8 in 256
        // against 7) and give a chi-square near 300; a uniform draw stays below 80 but for one run in a million.
        var counts = Enumerable.Range(0, 68_000 / 11 + 1).SelectMany(_ => Retour502Writer.NewRetourIdentification()[1..]).Take(68_000)
            .CountBy(c => c).Select(c => c.Value).ToList();
        counts.Count.ShouldBe(34);
        counts.Sum(c => (c - 2_000.0) * (c - 2_000.0) / 2_000.0).ShouldBeLessThan(80);
    }

    private static void AssertValid(byte[] bytes, IpgbVersion version)
    {
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = IpgbSchemas.For("502", version).Schemas };
        var errors = new List<string>();
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        while (reader.Read())
        {
        }

        errors.ShouldBeEmpty();
    }
}
