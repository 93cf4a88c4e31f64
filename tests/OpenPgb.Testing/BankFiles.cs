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

    /// <summary>
    /// A pain.002 as a real bank may send it: every optional element the message allows around one rejected
    /// transaction (initiating party with its identification, agents, original creation time, counts per status,
    /// status reason originator and several lines of information, charges, acceptance time, references, the original
    /// transaction reference with amount, dates and parties, supplementary data).
    /// </summary>
    public static byte[] Pain002WithEveryOptionalElement(string originalMessageId, string paymentInfoId, string endToEndId, long cents, string reason = "AC04") =>
        Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <CstmrPmtStsRpt>
                <GrpHdr>
                  <MsgId>RABO-STS-20261125-0001</MsgId>
                  <CreDtTm>2026-11-25T08:00:00.123+01:00</CreDtTm>
                  <InitgPty>
                    <Nm>Rabobank</Nm>
                    <PstlAdr><Ctry>NL</Ctry><AdrLine>Croeselaan 18</AdrLine><AdrLine>3521 CB Utrecht</AdrLine></PstlAdr>
                    <Id><OrgId><AnyBIC>RABONL2U</AnyBIC><Othr><Id>30046259</Id><SchmeNm><Cd>COID</Cd></SchmeNm></Othr></OrgId></Id>
                    <CtryOfRes>NL</CtryOfRes>
                  </InitgPty>
                  <FwdgAgt><FinInstnId><BICFI>RABONL2U</BICFI></FinInstnId></FwdgAgt>
                  <DbtrAgt><FinInstnId><BICFI>INGBNL2A</BICFI><Nm>ING Bank</Nm></FinInstnId><BrnchId><Id>001</Id></BrnchId></DbtrAgt>
                </GrpHdr>
                <OrgnlGrpInfAndSts>
                  <OrgnlMsgId>{originalMessageId}</OrgnlMsgId>
                  <OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
                  <OrgnlCreDtTm>2026-11-24T06:00:00</OrgnlCreDtTm>
                  <OrgnlNbOfTxs>1</OrgnlNbOfTxs>
                  <OrgnlCtrlSum>{cents / 100}.{cents % 100:D2}</OrgnlCtrlSum>
                  <GrpSts>PART</GrpSts>
                  <StsRsnInf><Orgtr><Nm>Rabobank</Nm></Orgtr><AddtlInf>Gedeeltelijk geaccepteerd</AddtlInf></StsRsnInf>
                  <NbOfTxsPerSts><DtldNbOfTxs>1</DtldNbOfTxs><DtldSts>RJCT</DtldSts><DtldCtrlSum>{cents / 100}.{cents % 100:D2}</DtldCtrlSum></NbOfTxsPerSts>
                </OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts>
                  <OrgnlPmtInfId>{paymentInfoId}</OrgnlPmtInfId>
                  <OrgnlNbOfTxs>1</OrgnlNbOfTxs>
                  <OrgnlCtrlSum>{cents / 100}.{cents % 100:D2}</OrgnlCtrlSum>
                  <PmtInfSts>PART</PmtInfSts>
                  <NbOfTxsPerSts><DtldNbOfTxs>1</DtldNbOfTxs><DtldSts>RJCT</DtldSts></NbOfTxsPerSts>
                  <TxInfAndSts>
                    <StsId>STS-1</StsId>
                    <OrgnlInstrId>INSTR-1</OrgnlInstrId>
                    <OrgnlEndToEndId>{endToEndId}</OrgnlEndToEndId>
                    <OrgnlUETR>6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b</OrgnlUETR>
                    <TxSts>RJCT</TxSts>
                    <StsRsnInf>
                      <Orgtr><Nm>Rabobank</Nm><Id><OrgId><AnyBIC>RABONL2U</AnyBIC></OrgId></Id></Orgtr>
                      <Rsn><Cd>{reason}</Cd></Rsn>
                      <AddtlInf>Rekening opgeheven</AddtlInf>
                      <AddtlInf>Neem contact op met de begunstigde</AddtlInf>
                    </StsRsnInf>
                    <ChrgsInf><Amt Ccy="EUR">0.00</Amt><Agt><FinInstnId><BICFI>RABONL2U</BICFI></FinInstnId></Agt></ChrgsInf>
                    <AccptncDtTm>2026-11-24T07:00:00</AccptncDtTm>
                    <AcctSvcrRef>REF-ACCT-1</AcctSvcrRef>
                    <ClrSysRef>CLR-1</ClrSysRef>
                    <OrgnlTxRef>
                      <Amt><InstdAmt Ccy="EUR">{cents / 100}.{cents % 100:D2}</InstdAmt></Amt>
                      <ReqdExctnDt><Dt>2026-11-24</Dt></ReqdExctnDt>
                      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>
                      <PmtMtd>TRF</PmtMtd>
                      <RmtInf><Ustrd>Pgb declaraties</Ustrd></RmtInf>
                      <Dbtr><Pty><Nm>Sociale Verzekeringsbank</Nm></Pty></Dbtr>
                      <DbtrAcct><Id><IBAN>NL20INGB0001234567</IBAN></Id></DbtrAcct>
                      <Cdtr><Pty><Nm>Zorg Op Maat B.V.</Nm></Pty></Cdtr>
                      <CdtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></CdtrAcct>
                    </OrgnlTxRef>
                    <SplmtryData><PlcAndNm>Bank</PlcAndNm><Envlp><Extra xmlns="urn:bank:ext">waarde</Extra></Envlp></SplmtryData>
                  </TxInfAndSts>
                </OrgnlPmtInfAndSts>
                <SplmtryData><Envlp><Notitie xmlns="urn:bank:ext">einde</Notitie></Envlp></SplmtryData>
              </CstmrPmtStsRpt>
            </Document>
            """);

    /// <summary>
    /// A camt.054 as a real bank may send it: every optional element the message allows around one returned payment
    /// (recipient, pagination, account with owner and servicer, sequence numbers, period, summary, entry reference and
    /// reversal indicator, proprietary bank transaction code, amount details, charges, batch, every reference
    /// (MsgId, PmtInfId, EndToEndId, TxId, ...), related parties and agents, remittance, related dates, return
    /// originator and information, additional transaction and entry information).
    /// </summary>
    public static byte[] Camt054WithEveryOptionalElement(string originalMessageId, string paymentInfoId, string endToEndId, long returnedCents, string reason = "AC04", string messageId = "ING-NTF-20261127-1")
    {
        var amount = $"{returnedCents / 100}.{returnedCents % 100:D2}";
        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
              <BkToCstmrDbtCdtNtfctn>
                <GrpHdr>
                  <MsgId>{messageId}</MsgId>
                  <CreDtTm>2026-11-27T07:00:00+01:00</CreDtTm>
                  <MsgRcpt><Nm>Sociale Verzekeringsbank</Nm><Id><OrgId><Othr><Id>12345678</Id></Othr></OrgId></Id></MsgRcpt>
                  <MsgPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></MsgPgntn>
                  <AddtlInf>Dagelijkse notificatie</AddtlInf>
                </GrpHdr>
                <Ntfctn>
                  <Id>NTF-20261127-1</Id>
                  <NtfctnPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></NtfctnPgntn>
                  <ElctrncSeqNb>331</ElctrncSeqNb>
                  <LglSeqNb>331</LglSeqNb>
                  <CreDtTm>2026-11-27T07:00:00</CreDtTm>
                  <FrToDt><FrDtTm>2026-11-26T00:00:00</FrDtTm><ToDtTm>2026-11-26T23:59:59</ToDtTm></FrToDt>
                  <CpyDplctInd>CODU</CpyDplctInd>
                  <Acct>
                    <Id><IBAN>NL20INGB0001234567</IBAN></Id>
                    <Tp><Cd>CACC</Cd></Tp>
                    <Ccy>EUR</Ccy>
                    <Nm>SVB pgb</Nm>
                    <Ownr><Nm>Sociale Verzekeringsbank</Nm><PstlAdr><Ctry>NL</Ctry></PstlAdr></Ownr>
                    <Svcr><FinInstnId><BICFI>INGBNL2A</BICFI></FinInstnId></Svcr>
                  </Acct>
                  <TxsSummry><TtlNtries><NbOfNtries>1</NbOfNtries><Sum>{amount}</Sum><TtlNetNtry><Amt>{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd></TtlNetNtry></TtlNtries></TxsSummry>
                  <Ntry>
                    <NtryRef>NTRY-1</NtryRef>
                    <Amt Ccy="EUR">{amount}</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <RvslInd>false</RvslInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-11-26</Dt></BookgDt>
                    <ValDt><Dt>2026-11-26</Dt></ValDt>
                    <AcctSvcrRef>ING-REF-99</AcctSvcrRef>
                    <BkTxCd>
                      <Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn>
                      <Prtry><Cd>N546</Cd><Issr>ING</Issr></Prtry>
                    </BkTxCd>
                    <AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>
                    <Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">0.00</TtlChrgsAndTaxAmt></Chrgs>
                    <NtryDtls>
                      <Btch><MsgId>{originalMessageId}</MsgId><PmtInfId>{paymentInfoId}</PmtInfId><NbOfTxs>1</NbOfTxs></Btch>
                      <TxDtls>
                        <Refs>
                          <MsgId>{originalMessageId}</MsgId>
                          <AcctSvcrRef>ING-TX-1</AcctSvcrRef>
                          <PmtInfId>{paymentInfoId}</PmtInfId>
                          <InstrId>INSTR-1</InstrId>
                          <EndToEndId>{endToEndId}</EndToEndId>
                          <TxId>TX-20261126-1</TxId>
                          <Prtry><Tp>BANK</Tp><Ref>PR-1</Ref></Prtry>
                        </Refs>
                        <Amt Ccy="EUR">{amount}</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <AmtDtls><InstdAmt><Amt Ccy="EUR">{amount}</Amt></InstdAmt><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn><Prtry><Cd>N546</Cd></Prtry></BkTxCd>
                        <RltdPties>
                          <Dbtr><Pty><Nm>Zorg Op Maat B.V.</Nm></Pty></Dbtr>
                          <DbtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></DbtrAcct>
                          <Cdtr><Pty><Nm>Sociale Verzekeringsbank</Nm></Pty></Cdtr>
                          <CdtrAcct><Id><IBAN>NL20INGB0001234567</IBAN></Id></CdtrAcct>
                        </RltdPties>
                        <RltdAgts><DbtrAgt><FinInstnId><BICFI>ABNANL2A</BICFI></FinInstnId></DbtrAgt></RltdAgts>
                        <RmtInf><Ustrd>Retour pgb</Ustrd></RmtInf>
                        <RltdDts><IntrBkSttlmDt>2026-11-26</IntrBkSttlmDt></RltdDts>
                        <RtrInf>
                          <OrgnlBkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></OrgnlBkTxCd>
                          <Orgtr><Nm>ABN AMRO</Nm></Orgtr>
                          <Rsn><Cd>{reason}</Cd></Rsn>
                          <AddtlInf>Rekening opgeheven</AddtlInf>
                        </RtrInf>
                        <AddtlTxInf>Terugboeking wegens opgeheven rekening</AddtlTxInf>
                      </TxDtls>
                    </NtryDtls>
                    <AddtlNtryInf>Retour SEPA overboeking</AddtlNtryInf>
                  </Ntry>
                  <AddtlNtfctnInf>Einde notificatie</AddtlNtfctnInf>
                </Ntfctn>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """);
    }
}
