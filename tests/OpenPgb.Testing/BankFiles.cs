using System.Text;

namespace OpenPgb.Testing;

/// <summary>Bank feedback files as Dutch banks send them, for tests: pain.002.001.10 rejects and camt.054.001.08 returns.</summary>
public static class BankFiles
{
    public static byte[] Pain002(string originalMessageId, IReadOnlyList<(string EndToEndId, string Reason)> rejected, bool wholeFile = false, string messageId = "BANK-STS-0001")
    {
        var transactions = string.Concat(rejected.Select(r => $"""
                  <TxInfAndSts>
                    <OrgnlEndToEndId>{r.EndToEndId}</OrgnlEndToEndId>
                    <TxSts>RJCT</TxSts>
                    <StsRsnInf><Rsn><Cd>{r.Reason}</Cd></Rsn><AddtlInf>Rekening onbekend</AddtlInf></StsRsnInf>
                  </TxInfAndSts>
            """));
        var group = wholeFile
            ? "<GrpSts>RJCT</GrpSts><StsRsnInf><Rsn><Cd>FF01</Cd></Rsn></StsRsnInf>"
            : "<GrpSts>PART</GrpSts>";
        var blocks = rejected.Count == 0 ? string.Empty : $"""
                <OrgnlPmtInfAndSts>
                  <OrgnlPmtInfId>{originalMessageId}-0363</OrgnlPmtInfId>
                  <PmtInfSts>PART</PmtInfSts>
            {transactions}
                </OrgnlPmtInfAndSts>
            """;
        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
              <CstmrPmtStsRpt>
                <GrpHdr><MsgId>{messageId}</MsgId><CreDtTm>2026-11-25T08:00:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>{originalMessageId}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>{group}</OrgnlGrpInfAndSts>
            {blocks}
              </CstmrPmtStsRpt>
            </Document>
            """);
    }

    public static byte[] Camt054(IReadOnlyList<(string EndToEndId, long Cents, string Reason)> returned, string messageId = "BANK-NTF-0001")
    {
        var entries = string.Concat(returned.Select(r => $"""
                  <Ntry>
                    <Amt Ccy="EUR">{r.Cents / 100}.{r.Cents % 100:D2}</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-11-27</Dt></BookgDt>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn></BkTxCd>
                    <NtryDtls><TxDtls>
                      <Refs><EndToEndId>{r.EndToEndId}</EndToEndId></Refs>
                      <Amt Ccy="EUR">{r.Cents / 100}.{r.Cents % 100:D2}</Amt>
                      <RtrInf><Rsn><Cd>{r.Reason}</Cd></Rsn></RtrInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
            """));
        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
              <BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>{messageId}</MsgId><CreDtTm>2026-11-27T07:00:00</CreDtTm></GrpHdr>
                <Ntfctn>
                  <Id>NTF-1</Id>
                  <Acct><Id><IBAN>NL20INGB0001234567</IBAN></Id></Acct>
            {entries}
                </Ntfctn>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """);
    }
}
