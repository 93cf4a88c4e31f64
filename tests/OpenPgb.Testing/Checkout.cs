namespace OpenPgb.Testing;

/// <summary>The checkout the tests run from: for tests that read the source or start the built hosts.</summary>
public static class Checkout
{
    /// <summary>The folder holding OpenPgb.slnx, found upwards from the test's own directory.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenPgb.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The checkout root (OpenPgb.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
