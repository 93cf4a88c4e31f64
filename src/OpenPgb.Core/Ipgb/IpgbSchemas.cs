using System.Collections.Frozen;
using System.Xml;
using System.Xml.Schema;

namespace OpenPgb.Core.Ipgb;

public enum IpgbVersion
{
    V202,
    V23,
}

/// <summary>One supported (message, version): its namespace and compiled schema.</summary>
public sealed record IpgbSchema(string MessageCode, IpgbVersion Version, string Namespace, string XsdVersion, string SubVersion, XmlSchemaSet Schemas);

/// <summary>
/// The single mapping from namespace to schema. To use an official XSD, replace the resource file and adjust
/// this table; the intake pipeline does not change.
/// </summary>
public static class IpgbSchemas
{
    private static readonly (string Code, IpgbVersion Version, string Namespace, string Resource, string XsdVersion, string SubVersion)[] Table =
    [
        ("501", IpgbVersion.V202, "http://www.istandaarden.nl/ipgb/2_0/ipgb501/schema", "ipgb501-2.0.2.xsd", "2.0.2", "0"),
        ("501", IpgbVersion.V23, "http://www.istandaarden.nl/ipgb/2_3/ipgb501/schema", "ipgb501-2.3.xsd", "2.3.0", "3"),
        ("502", IpgbVersion.V202, "http://www.istandaarden.nl/ipgb/2_0/ipgb502/schema", "ipgb502-2.0.2.xsd", "2.0.2", "0"),
        ("502", IpgbVersion.V23, "http://www.istandaarden.nl/ipgb/2_3/ipgb502/schema", "ipgb502-2.3.xsd", "2.3.0", "3"),
        ("507", IpgbVersion.V23, "http://www.istandaarden.nl/ipgb/2_3/ipgb507/schema", "ipgb507-2.3.xsd", "2.3.0", "3"),
        ("508", IpgbVersion.V23, "http://www.istandaarden.nl/ipgb/2_3/ipgb508/schema", "ipgb508-2.3.xsd", "2.3.0", "3"),
    ];

    private static readonly FrozenDictionary<string, IpgbSchema> ByNamespace = Table
        .Select(t => new IpgbSchema(t.Code, t.Version, t.Namespace, t.XsdVersion, t.SubVersion, Load(t.Resource, t.Namespace)))
        .ToFrozenDictionary(s => s.Namespace, StringComparer.Ordinal);

    public static IpgbSchema? ForNamespace(string? ns) => ns is null ? null : ByNamespace.GetValueOrDefault(ns);

    public static IpgbSchema For(string messageCode, IpgbVersion version) =>
        ByNamespace.Values.Single(s => s.MessageCode == messageCode && s.Version == version);

    public static string VersionLabel(IpgbVersion version) => version switch
    {
        IpgbVersion.V202 => "2.0.2",
        IpgbVersion.V23 => "2.3",
    };

    private static XmlSchemaSet Load(string resource, string ns)
    {
        var assembly = typeof(IpgbSchemas).Assembly;
        using var stream = assembly.GetManifestResourceStream("OpenPgb.Ipgb.Schemas." + resource)
            ?? throw new InvalidOperationException($"Schema resource {resource} is missing from the assembly.");
        using var reader = XmlReader.Create(stream, SafeXml.ReaderSettings(maxCharacters: 1_000_000));
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(ns, reader);
        set.Compile();
        return set;
    }
}
