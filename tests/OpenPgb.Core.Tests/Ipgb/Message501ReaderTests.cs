using System.Text;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Ipgb;

public sealed class Message501ReaderTests
{
    [Theory]
    [InlineData(IpgbVersion.V202)]
    [InlineData(IpgbVersion.V23)]
    public void Load_ValidMessage_RoundTripsEveryField(IpgbVersion version)
    {
        var sent = Messages.Valid(version);
        var bytes = sent.Bytes();

        var sniff = Message501Reader.SniffHeader(bytes);
        sniff.IsReadable.ShouldBeTrue();
        sniff.Schema!.Version.ShouldBe(version);
        sniff.Sender.ShouldBe("0363");
        sniff.Identification.ShouldBe("TKB000000001");

        var result = Message501Reader.Load(bytes, sniff.Schema);
        result.Failure.ShouldBeNull();
        var read = result.Message!;
        read.Header.ShouldBe(sent.Header);
        read.Client.Bsn.ShouldBe(sent.Client.Bsn);
        read.Client.Name.ShouldBe(sent.Client.Name);
        read.Budget.CareFunctionBudgets.ShouldBe(sent.Budget.CareFunctionBudgets);
        read.Budget.Contact.ShouldBe(sent.Budget.Contact);
        read.Budget.Law.ShouldBe(Law.Wmo);
        read.Budget.Representatives.Single().Bsn.ShouldBe(Messages.RepresentativeBsn);
    }

    [Fact]
    public void Load_202Relation_GetsWriteRightsAndCorrespondence()
    {
        var sent = Messages.Valid(IpgbVersion.V202).WithBudget(b => b with { Representatives = [b.Representatives[0] with { Rights = RepresentativeRights.Read, ReceivesCorrespondence = false }] });
        var bytes = sent.Bytes();
        Encoding.UTF8.GetString(bytes).ShouldContain("<Relatie>");

        var read = Message501Reader.Load(bytes, Message501Reader.SniffHeader(bytes).Schema!).Message!;

        read.Budget.Representatives.Single().Rights.ShouldBe(RepresentativeRights.ReadWrite);
        read.Budget.Representatives.Single().ReceivesCorrespondence.ShouldBeTrue();
    }

    [Fact]
    public void Load_23Representative_KeepsReadRightsAndNoCorrespondence()
    {
        var sent = Messages.Valid().WithBudget(b => b with { Representatives = [b.Representatives[0] with { Rights = RepresentativeRights.Read, ReceivesCorrespondence = false }] });
        var bytes = sent.Bytes();
        var read = Message501Reader.Load(bytes, Message501Reader.SniffHeader(bytes).Schema!).Message!;
        read.Budget.Representatives.Single().Rights.ShouldBe(RepresentativeRights.Read);
        read.Budget.Representatives.Single().ReceivesCorrespondence.ShouldBeFalse();
    }

    [Theory]
    [InlineData("<BerichtSubversie>3</BerichtSubversie>", "<BerichtSubversie>0</BerichtSubversie>")]
    [InlineData("<Wet>WMO</Wet>", "<Wet>ZVW</Wet>")]
    [InlineData("<Bsn>999990019</Bsn>", "<Bsn>99999001</Bsn>")]
    [InlineData("<Rol>01</Rol>", "<Rol>07</Rol>")]
    [InlineData("<Geslachtsnaam>Jansen</Geslachtsnaam>", "<Geslachtsnaam></Geslachtsnaam>")]
    [InlineData("<Dagtekening>2026-11-22</Dagtekening>", "<Dagtekening>2026-11-22Z</Dagtekening>")]
    [InlineData("<Bedrag>1250000</Bedrag>", "<Bedrag>12500.00</Bedrag>")]
    public void Load_SchemaViolation_FailsWithReason(string from, string to)
    {
        var text = Encoding.UTF8.GetString(Messages.Valid().Bytes());
        text.ShouldContain(from);
        var bytes = Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));

        var sniff = Message501Reader.SniffHeader(bytes);
        var result = Message501Reader.Load(bytes, IpgbSchemas.For("501", IpgbVersion.V23));

        result.Message.ShouldBeNull();
        result.Failure.ShouldNotBeNull();
        if (!from.Contains("Dagtekening", StringComparison.Ordinal))
        {
            sniff.IsReadable.ShouldBeTrue();
        }
    }

    [Fact]
    public void CanonicalHash_IgnoresFormattingButNotContent()
    {
        var bytes = Messages.Valid().Bytes();
        var compact = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("  ", string.Empty, StringComparison.Ordinal));
        var other = Messages.Valid().WithClient(c => c with { Name = c.Name with { Surname = "Pietersen" } }).Bytes();
        var schema = IpgbSchemas.For("501", IpgbVersion.V23);

        var a = Message501Reader.Load(bytes, schema).ContentHash;
        Message501Reader.Load(compact, schema).ContentHash.ShouldBe(a);
        Message501Reader.Load(other, schema).ContentHash.ShouldNotBe(a);
    }

    [Fact]
    public void SniffHeader_WhenNotXml_IsUnreadable() =>
        Message501Reader.SniffHeader("dit is geen xml"u8.ToArray()).IsReadable.ShouldBeFalse();
}
