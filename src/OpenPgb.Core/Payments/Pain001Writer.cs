using System.Globalization;
using System.Xml;

namespace OpenPgb.Core.Payments;

public sealed record Pain001Header(string MessageId, DateTimeOffset CreatedAt, int TransactionCount, long TotalCents, string InitiatingParty);

public sealed record Pain001Block(string PaymentInfoId, DateOnly ExecutionDate, string DebtorName, string DebtorIban, string? DebtorBic, int TransactionCount, long TotalCents);

public sealed record Pain001Transaction(string EndToEndId, long AmountCents, string CreditorName, string CreditorIban, string Remittance);

/// <summary>
/// Streams a pain.001.001.09 SEPA credit transfer file (shared/docs/SEPA.md). Each rule of the guidelines is checked
/// here as the file is written; the counts and sums of the header and of every block are checked against what was
/// actually written, so a file whose totals do not match the transactions is never completed.
/// </summary>
public sealed class Pain001Writer : IDisposable
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    private readonly XmlWriter _xml;
    private readonly Pain001Header _header;
    private Pain001Block? _block;
    private int _fileCount;
    private long _fileSum;
    private int _blockCount;
    private long _blockSum;

    public Pain001Writer(Stream output, Pain001Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        RequireReference(header.MessageId, "MsgId");
        _header = header;
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true, Async = false, CloseOutput = false });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("Document", Namespace);
        _xml.WriteStartElement("CstmrCdtTrfInitn");
        _xml.WriteStartElement("GrpHdr");
        _xml.WriteElementString("MsgId", header.MessageId);
        _xml.WriteElementString("CreDtTm", header.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        _xml.WriteElementString("NbOfTxs", Count(header.TransactionCount));
        _xml.WriteElementString("CtrlSum", SepaText.Amount(header.TotalCents));
        WriteName("InitgPty", header.InitiatingParty);
        _xml.WriteEndElement();
    }

    public void StartBlock(Pain001Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (_block is not null)
        {
            throw new InvalidOperationException("End the previous payment block first.");
        }

        RequireReference(block.PaymentInfoId, "PmtInfId");
        if (!BankingCalendar.IsBankingDay(block.ExecutionDate))
        {
            throw new InvalidOperationException($"ReqdExctnDt {block.ExecutionDate:yyyy-MM-dd} is not a TARGET2 banking day.");
        }

        _block = block;
        _blockCount = 0;
        _blockSum = 0;
        _xml.WriteStartElement("PmtInf");
        _xml.WriteElementString("PmtInfId", block.PaymentInfoId);
        _xml.WriteElementString("PmtMtd", "TRF");
        _xml.WriteElementString("BtchBookg", "true");
        _xml.WriteElementString("NbOfTxs", Count(block.TransactionCount));
        _xml.WriteElementString("CtrlSum", SepaText.Amount(block.TotalCents));
        _xml.WriteStartElement("PmtTpInf");
        _xml.WriteStartElement("SvcLvl");
        _xml.WriteElementString("Cd", "SEPA");
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteStartElement("ReqdExctnDt");
        _xml.WriteElementString("Dt", block.ExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _xml.WriteEndElement();
        WriteName("Dbtr", block.DebtorName);
        WriteAccount("DbtrAcct", block.DebtorIban);
        _xml.WriteStartElement("DbtrAgt");
        _xml.WriteStartElement("FinInstnId");
        if (block.DebtorBic is { Length: > 0 } bic)
        {
            _xml.WriteElementString("BICFI", bic);
        }
        else
        {
            _xml.WriteStartElement("Othr");
            _xml.WriteElementString("Id", "NOTPROVIDED");
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteElementString("ChrgBr", "SLEV");
    }

    public void Write(Pain001Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (_block is null)
        {
            throw new InvalidOperationException("Start a payment block first.");
        }

        RequireReference(transaction.EndToEndId, "EndToEndId");
        if (transaction.AmountCents is < 1 or > 99_999_999_999)
        {
            throw new InvalidOperationException($"Amount of {transaction.EndToEndId} is outside 0.01 to 999999999.99.");
        }

        _xml.WriteStartElement("CdtTrfTxInf");
        _xml.WriteStartElement("PmtId");
        _xml.WriteElementString("EndToEndId", transaction.EndToEndId);
        _xml.WriteEndElement();
        _xml.WriteStartElement("Amt");
        _xml.WriteStartElement("InstdAmt");
        _xml.WriteAttributeString("Ccy", "EUR");
        _xml.WriteString(SepaText.Amount(transaction.AmountCents));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        WriteName("Cdtr", transaction.CreditorName);
        WriteAccount("CdtrAcct", transaction.CreditorIban);
        _xml.WriteStartElement("RmtInf");
        _xml.WriteElementString("Ustrd", SepaText.Clean(transaction.Remittance, 140));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _blockCount++;
        _blockSum += transaction.AmountCents;
    }

    public void EndBlock()
    {
        var block = _block ?? throw new InvalidOperationException("No payment block is open.");
        if (_blockCount != block.TransactionCount || _blockSum != block.TotalCents)
        {
            throw new InvalidOperationException($"Block {block.PaymentInfoId} announced {block.TransactionCount} / {block.TotalCents} cents but holds {_blockCount} / {_blockSum}.");
        }

        _xml.WriteEndElement();
        _fileCount += _blockCount;
        _fileSum += _blockSum;
        _block = null;
    }

    /// <summary>Closes the document after checking the header's totals against the blocks.</summary>
    public void Finish()
    {
        if (_block is not null)
        {
            throw new InvalidOperationException("End the last payment block first.");
        }

        if (_fileCount != _header.TransactionCount || _fileSum != _header.TotalCents)
        {
            throw new InvalidOperationException($"File {_header.MessageId} announced {_header.TransactionCount} / {_header.TotalCents} cents but holds {_fileCount} / {_fileSum}.");
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
    }

    public void Dispose() => _xml.Dispose();

    private static string Count(int count) =>
        count > 0 ? count.ToString(CultureInfo.InvariantCulture) : throw new InvalidOperationException("A payment file or block holds at least one transaction.");

    private static void RequireReference(string id, string element)
    {
        if (!SepaText.IsValidReference(id))
        {
            throw new InvalidOperationException($"{element} '{id}' is not a valid SEPA reference.");
        }
    }

    private void WriteName(string element, string name)
    {
        if (SepaText.NameProblem(name) is not null)
        {
            throw new InvalidOperationException($"{element}/Nm has no character the SEPA Latin set can carry.");
        }

        _xml.WriteStartElement(element);
        _xml.WriteElementString("Nm", SepaText.Clean(name, 70));
        _xml.WriteEndElement();
    }

    private void WriteAccount(string element, string iban)
    {
        if (!Parties.Iban.IsValid(iban))
        {
            throw new InvalidOperationException($"{element} holds an invalid IBAN.");
        }

        _xml.WriteStartElement(element);
        _xml.WriteStartElement("Id");
        _xml.WriteElementString("IBAN", Parties.Iban.Normalize(iban));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }
}
