using System.Text;

namespace OpenPgb.Testing;

/// <summary>A grantor's 508 answering a 507, accepting every record class.</summary>
public static class Retour508
{
    public static byte[] For(string sender, string identification, string bsn = Messages.ClientBsn) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Bericht xmlns="http://www.istandaarden.nl/ipgb/2_3/ipgb508/schema">
          <Header>
            <BerichtCode>508</BerichtCode><BerichtVersie>2</BerichtVersie><BerichtSubversie>3</BerichtSubversie>
            <Afzender>{sender}</Afzender><Ontvanger>SVB</Ontvanger>
            <BerichtIdentificatie><Identificatie>{identification}</Identificatie><Dagtekening>2027-01-05</Dagtekening></BerichtIdentificatie>
            <XsdVersie><BasisschemaXsdVersie>2.3.0</BasisschemaXsdVersie><BerichtXsdVersie>2.3.0</BerichtXsdVersie></XsdVersie>
            <IdentificatieRetour>R508000001</IdentificatieRetour><DagtekeningRetour>2027-01-06</DagtekeningRetour>
            <RetourCodes><RetourCode>0200</RetourCode></RetourCodes>
          </Header>
          <Client>
            <Bsn>{bsn}</Bsn><RetourCodes><RetourCode>0200</RetourCode></RetourCodes>
            <Budget>
              <Budgetidentificatie>B2026000001</Budgetidentificatie><RetourCodes><RetourCode>0200</RetourCode></RetourCodes>
              <Zorgfunctiebudget><Zorgfunctie>02</Zorgfunctie><RetourCodes><RetourCode>0200</RetourCode></RetourCodes></Zorgfunctiebudget>
            </Budget>
          </Client>
        </Bericht>
        """);
}
