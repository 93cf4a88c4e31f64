using System.Xml;
using System.Xml.Schema;

namespace OpenPgb.Core.Payments;

/// <summary>Validates payment files against our pain.001.001.09 schema (Payments/Schemas), streaming.</summary>
public static class Pain001Schema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    public static IReadOnlyList<string> Validate(Stream file)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (errors.Count < 20)
            {
                errors.Add($"line {e.Exception?.LineNumber}: {e.Message}");
            }
        };
        using var reader = XmlReader.Create(file, settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(Pain001Schema).Assembly.GetManifestResourceStream("OpenPgb.Payments.Schemas.pain.001.001.09.xsd")
            ?? throw new InvalidOperationException("The pain.001.001.09 schema is not embedded.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(Pain001Writer.Namespace, reader);
        set.Compile();
        return set;
    }
}
