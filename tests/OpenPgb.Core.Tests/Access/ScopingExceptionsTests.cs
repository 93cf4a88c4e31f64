using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Access;

/// <summary>Every exception to scoping goes through Core/Access/Unscoped.cs, with a named reason; nothing else calls IgnoreQueryFilters.</summary>
public sealed class ScopingExceptionsTests
{
    [Fact]
    public void IgnoreQueryFilters_AppearsOnlyInTheAccessModule()
    {
        var root = Checkout.Root;
        var allowed = Path.Combine(root, "src", "OpenPgb.Core", "Access", "Unscoped.cs");
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => f != allowed && File.ReadAllText(f).Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();

        offenders.ShouldBeEmpty("use Unfiltered(Because...) from OpenPgb.Core.Access instead");
        File.ReadAllText(allowed).ShouldContain("IgnoreQueryFilters", customMessage: "the test must look at the right file");
    }
}
