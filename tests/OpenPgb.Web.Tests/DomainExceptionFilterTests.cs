using OpenPgb.Core.Access;
using OpenPgb.Core.Common;
using OpenPgb.Web.Security;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// Only the access refusals become 404 and 403: an ordinary lookup bug (a dictionary's KeyNotFoundException, a file
/// system's UnauthorizedAccessException) is not hidden as a quiet 404 or 403, but stays a 500 that is logged.
/// </summary>
public sealed class DomainExceptionFilterTests
{
    [Fact]
    public void Refusals_MapToTheirStatus_AndEverythingElseIsNotARefusal()
    {
        DomainExceptionFilter.StatusOf(new NotVisibleException("x")).ShouldBe(404);
        DomainExceptionFilter.StatusOf(new NotAllowedException("x")).ShouldBe(403);
        DomainExceptionFilter.StatusOf(new IllegalTransitionException("x")).ShouldBe(409);
        DomainExceptionFilter.StatusOf(new KeyNotFoundException("x")).ShouldBeNull();
        DomainExceptionFilter.StatusOf(new UnauthorizedAccessException("x")).ShouldBeNull();
        DomainExceptionFilter.StatusOf(new InvalidOperationException("x")).ShouldBeNull();
        DomainExceptionFilter.StatusOf(null).ShouldBeNull();
    }
}
