using System.Globalization;
using System.Text;
using System.Xml;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Ipgb;

/// <summary>
/// Serialises a <see cref="Message501"/> as the grantor side would send it, in either version. Used by the
/// synthetic-data generator, the demo seed and the tests; never by intake.
/// </summary>
public static class Message501Writer
{
    public static byte[] Write(Message501 message)
    {
        var schema = IpgbSchemas.For("501", message.Version);
        var ns = schema.Namespace;
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("Bericht", ns);
            w.WriteStartElement("Header", ns);
            w.WriteElementString("BerichtCode", ns, "501");
            w.WriteElementString("BerichtVersie", ns, "2");
            w.WriteElementString("BerichtSubversie", ns, schema.SubVersion);
            w.WriteElementString("Afzender", ns, message.Header.Sender);
            w.WriteElementString("Ontvanger", ns, message.Header.Receiver);
            w.WriteStartElement("BerichtIdentificatie", ns);
            w.WriteElementString("Identificatie", ns, message.Header.Identification);
            w.WriteElementString("Dagtekening", ns, Date(message.Header.DateSent));
            w.WriteEndElement();
            w.WriteStartElement("XsdVersie", ns);
            w.WriteElementString("BasisschemaXsdVersie", ns, schema.XsdVersion);
            w.WriteElementString("BerichtXsdVersie", ns, schema.XsdVersion);
            w.WriteEndElement();
            w.WriteEndElement();

            var client = message.Client;
            w.WriteStartElement("Client", ns);
            w.WriteElementString("Bsn", ns, client.Bsn);
            w.WriteElementString("Geboortedatum", ns, Date(client.BirthDate));
            WriteName(w, ns, client.Name);
            WriteBudget(w, ns, message.Version, client.Budget);
            w.WriteEndElement();

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteBudget(XmlWriter w, string ns, IpgbVersion version, BudgetRecord budget)
    {
        w.WriteStartElement("Budget", ns);
        w.WriteElementString("Budgetidentificatie", ns, budget.BudgetKey);
        if (budget.PreviousBudgetKey is not null)
        {
            w.WriteElementString("BudgetidentificatieOud", ns, budget.PreviousBudgetKey);
        }

        w.WriteElementString("Wet", ns, budget.Law.ToString().ToUpperInvariant());
        w.WriteElementString("Toekenningsdatum", ns, Date(budget.GrantDate));
        w.WriteStartElement("Zorgfunctiebudgetten", ns);
        foreach (var b in budget.CareFunctionBudgets)
        {
            w.WriteStartElement("Zorgfunctiebudget", ns);
            w.WriteElementString("Zorgfunctie", ns, b.CareFunction);
            w.WriteElementString("Begindatum", ns, Date(b.StartDate));
            w.WriteElementString("Einddatum", ns, Date(b.EndDate));
            w.WriteElementString("Bedrag", ns, b.AmountCents.ToString(CultureInfo.InvariantCulture));
            if (b.UnaccountableCents is { } free)
            {
                w.WriteElementString("Verantwoordingsvrijbedrag", ns, free.ToString(CultureInfo.InvariantCulture));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();

        if (budget.Representatives.Count > 0)
        {
            w.WriteStartElement(version == IpgbVersion.V23 ? "Vertegenwoordigers" : "Relaties", ns);
            foreach (var r in budget.Representatives)
            {
                if (version == IpgbVersion.V23)
                {
                    w.WriteStartElement("Vertegenwoordiger", ns);
                    w.WriteElementString("Rol", ns, r.Role);
                }
                else
                {
                    w.WriteStartElement("Relatie", ns);
                    w.WriteElementString("Soort", ns, r.Role);
                }

                w.WriteElementString("Bsn", ns, r.Bsn);
                w.WriteElementString("Geboortedatum", ns, Date(r.BirthDate));
                WriteName(w, ns, r.Name);
                if (version == IpgbVersion.V23)
                {
                    w.WriteElementString("Bevoegdheid", ns, r.Rights == RepresentativeRights.Read ? "1" : "2");
                    w.WriteElementString("CorrespondentieOntvangen", ns, r.ReceivesCorrespondence ? "1" : "2");
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (budget.Contact is { } c)
        {
            w.WriteStartElement("Contact", ns);
            w.WriteElementString("Straatnaam", ns, c.Street);
            w.WriteElementString("Huisnummer", ns, c.HouseNumber);
            if (c.HouseNumberAddition is not null)
            {
                w.WriteElementString("Huisnummertoevoeging", ns, c.HouseNumberAddition);
            }

            w.WriteElementString("Postcode", ns, c.PostalCode);
            w.WriteElementString("Plaatsnaam", ns, c.City);
            w.WriteElementString("Landcode", ns, c.CountryCode);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteName(XmlWriter w, string ns, PersonName name)
    {
        w.WriteStartElement("Naam", ns);
        w.WriteElementString("Geslachtsnaam", ns, name.Surname);
        if (name.Prefix is not null)
        {
            w.WriteElementString("Voorvoegsel", ns, name.Prefix);
        }

        if (name.Initials is not null)
        {
            w.WriteElementString("Voorletters", ns, name.Initials);
        }

        w.WriteEndElement();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
