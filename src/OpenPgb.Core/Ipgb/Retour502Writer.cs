using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace OpenPgb.Core.Ipgb;

/// <summary>What a 502 answers. Without <see cref="Message"/> only the header comes back (schema or header rejection).</summary>
public sealed record Retour502Input(
    IpgbVersion Version,
    string? Receiver,
    string? Identification,
    DateOnly? DateSent,
    IReadOnlyList<string> HeaderCodes,
    Message501? Message,
    RetourFindings? Findings);

/// <summary>
/// Writes the 502: the answer's own identity, the 501's identity echoed, and every record class of the 501 with its
/// retour codes. Each 502 is checked against our 502 schema before it leaves.
/// </summary>
public static class Retour502Writer
{
    public const string AgencyCode = "SVB";

    /// <summary>Upper-case letters and digits without I and O, which are easily mistaken for 1 and 0.</summary>
    private const string RetourAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    [ThreadStatic]
    private static byte[]? _random;

    [ThreadStatic]
    private static int _nextRandom;

    public static byte[] Write(Retour502Input input, DateOnly today)
    {
        var schema = IpgbSchemas.For("502", input.Version);
        var ns = schema.Namespace;
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("Bericht", ns);
            WriteHeader(w, ns, schema, input, today);
            if (input is { Message: { } message, Findings: { } findings })
            {
                WriteClient(w, ns, input.Version, message, findings);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        var bytes = buffer.ToArray();
        EnsureValid(bytes, schema);
        return bytes;
    }

    /// <summary>A 12-character identity for the 502 itself: "R" and 11 random characters.</summary>
    public static string NewRetourIdentification()
    {
        // Bytes at or above 238 (7 × 34) are skipped, so that every character of the alphabet stays equally likely.
        var usable = 256 / RetourAlphabet.Length * RetourAlphabet.Length;
        Span<char> chars = stackalloc char[12];
        chars[0] = 'R';
        for (var filled = 1; filled < chars.Length;)
        {
            var next = NextRandomByte();
            if (next < usable)
            {
                chars[filled++] = RetourAlphabet[next % RetourAlphabet.Length];
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// A cryptographically random byte from a per-thread buffer. Each call to the system's generator is a system call
    /// of some 20 µs here, which one per identity made a visible part of the intake's profile; one per 4,096 bytes is not.
    /// </summary>
    private static byte NextRandomByte()
    {
        if (_random is null || _nextRandom == _random.Length)
        {
            _random ??= new byte[4096];
            RandomNumberGenerator.Fill(_random);
            _nextRandom = 0;
        }

        return _random[_nextRandom++];
    }

    private static void WriteHeader(XmlWriter w, string ns, IpgbSchema schema, Retour502Input input, DateOnly today)
    {
        w.WriteStartElement("Header", ns);
        w.WriteElementString("BerichtCode", ns, "502");
        w.WriteElementString("BerichtVersie", ns, "2");
        w.WriteElementString("BerichtSubversie", ns, schema.SubVersion);
        w.WriteElementString("Afzender", ns, AgencyCode);
        if (input.Receiver is not null)
        {
            w.WriteElementString("Ontvanger", ns, input.Receiver);
        }

        if (input is { Identification: { } id, DateSent: { } sent })
        {
            w.WriteStartElement("BerichtIdentificatie", ns);
            w.WriteElementString("Identificatie", ns, id);
            w.WriteElementString("Dagtekening", ns, Date(sent));
            w.WriteEndElement();
        }

        w.WriteStartElement("XsdVersie", ns);
        w.WriteElementString("BasisschemaXsdVersie", ns, schema.XsdVersion);
        w.WriteElementString("BerichtXsdVersie", ns, schema.XsdVersion);
        w.WriteEndElement();
        w.WriteElementString("IdentificatieRetour", ns, NewRetourIdentification());
        w.WriteElementString("DagtekeningRetour", ns, Date(today));
        var headerCodes = input.Findings?.Resolve(RecordRef.Header) ?? input.HeaderCodes;
        WriteCodes(w, ns, headerCodes);
        w.WriteEndElement();
    }

    private static void WriteClient(XmlWriter w, string ns, IpgbVersion version, Message501 message, RetourFindings findings)
    {
        w.WriteStartElement("Client", ns);
        w.WriteElementString("Bsn", ns, message.Client.Bsn);
        WriteCodes(w, ns, findings.Resolve(RecordRef.Client));

        var budget = message.Budget;
        w.WriteStartElement("Budget", ns);
        w.WriteElementString("Budgetidentificatie", ns, budget.BudgetKey);
        WriteCodes(w, ns, findings.Resolve(RecordRef.Budget));

        w.WriteStartElement("Zorgfunctiebudgetten", ns);
        for (var i = 0; i < budget.CareFunctionBudgets.Count; i++)
        {
            w.WriteStartElement("Zorgfunctiebudget", ns);
            w.WriteElementString("Zorgfunctie", ns, budget.CareFunctionBudgets[i].CareFunction);
            w.WriteElementString("Begindatum", ns, Date(budget.CareFunctionBudgets[i].StartDate));
            WriteCodes(w, ns, findings.Resolve(RecordRef.CareFunctionBudget(i)));
            w.WriteEndElement();
        }

        w.WriteEndElement();

        if (budget.Representatives.Count > 0)
        {
            var (list, item) = version == IpgbVersion.V23 ? ("Vertegenwoordigers", "Vertegenwoordiger") : ("Relaties", "Relatie");
            w.WriteStartElement(list, ns);
            for (var i = 0; i < budget.Representatives.Count; i++)
            {
                w.WriteStartElement(item, ns);
                w.WriteElementString("Bsn", ns, budget.Representatives[i].Bsn);
                WriteCodes(w, ns, findings.Resolve(RecordRef.Representative(i)));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (budget.Contact is not null)
        {
            w.WriteStartElement("Contact", ns);
            WriteCodes(w, ns, findings.Resolve(RecordRef.Contact));
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteCodes(XmlWriter w, string ns, IEnumerable<string> codes)
    {
        w.WriteStartElement("RetourCodes", ns);
        foreach (var code in codes)
        {
            w.WriteElementString("RetourCode", ns, code);
        }

        w.WriteEndElement();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void EnsureValid(byte[] bytes, IpgbSchema schema)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, SafeXml.ValidatingSettings(schema.Schemas, bytes.Length + 1024L));
        while (reader.Read())
        {
        }
    }
}
