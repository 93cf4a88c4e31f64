namespace OpenPgb.Core.Ipgb;

/// <summary>The record classes of a 501, each answered with its own retour codes.</summary>
public enum RecordClass
{
    Header,
    Client,
    Budget,
    CareFunctionBudget,
    Representative,
    Contact,
}

public readonly record struct RecordRef(RecordClass Class, int Index = 0)
{
    public static RecordRef Header { get; } = new(RecordClass.Header);

    public static RecordRef Client { get; } = new(RecordClass.Client);

    public static RecordRef Budget { get; } = new(RecordClass.Budget);

    public static RecordRef Contact { get; } = new(RecordClass.Contact);

    public static RecordRef CareFunctionBudget(int index) => new(RecordClass.CareFunctionBudget, index);

    public static RecordRef Representative(int index) => new(RecordClass.Representative, index);
}

/// <summary>
/// Error codes found per record. <see cref="Resolve"/> turns them into the retour codes IPGB.md prescribes:
/// 0200 for a record without remarks, 0233 for every record below a rejected parent.
/// </summary>
public sealed class RetourFindings
{
    private readonly Dictionary<RecordRef, List<string>> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IEnumerable<string> ErrorCodes => _errors.Values.SelectMany(c => c);

    public void Add(RecordRef record, string code)
    {
        if (!_errors.TryGetValue(record, out var codes))
        {
            codes = [];
            _errors[record] = codes;
        }

        if (!codes.Contains(code))
        {
            codes.Add(code);
        }
    }

    public IReadOnlyList<string> ErrorsOf(RecordRef record) => _errors.TryGetValue(record, out var codes) ? codes : [];

    /// <summary>The retour codes of one record, given the codes of its ancestors (header, client, budget).</summary>
    public IReadOnlyList<string> Resolve(RecordRef record)
    {
        foreach (var ancestor in AncestorsOf(record))
        {
            if (_errors.ContainsKey(ancestor))
            {
                return [ReturnCodes.NotAssessed];
            }
        }

        return _errors.TryGetValue(record, out var codes) ? codes : [ReturnCodes.NoRemark];
    }

    private static IEnumerable<RecordRef> AncestorsOf(RecordRef record)
    {
        switch (record.Class)
        {
            case RecordClass.Header:
                yield break;
            case RecordClass.Client:
                yield return RecordRef.Header;
                break;
            case RecordClass.Budget:
                yield return RecordRef.Header;
                yield return RecordRef.Client;
                break;
            case RecordClass.CareFunctionBudget:
            case RecordClass.Representative:
            case RecordClass.Contact:
                yield return RecordRef.Header;
                yield return RecordRef.Client;
                yield return RecordRef.Budget;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record));
        }
    }
}
