using Traject.Web.Common;

namespace Traject.Tests.Unit;

/// <summary>The API reads JSON in UTF-8 only; everything else is a 415 before an endpoint reads the body.</summary>
public class ApiContentTypesTests
{
    [Theory]
    [InlineData("application/json", true, "application/json")]
    [InlineData("application/json; charset=utf-8", true, "application/json; charset=utf-8")]
    [InlineData("Application/JSON; Charset=UTF-8", true, "Application/JSON; Charset=UTF-8")]
    [InlineData("application/json; charset=\"UTF-8\"", true, "application/json; charset=UTF-8")]
    [InlineData("application/merge-patch+json", true, "application/merge-patch+json")]
    [InlineData("application/json; charset=bogus", false, null)]
    [InlineData("application/json; charset=iso-8859-1", false, null)]
    [InlineData("application/json; charset=utf-16", false, null)]
    [InlineData("text/plain", false, null)]
    [InlineData("text/json", false, null)]
    [InlineData("application/xml", false, null)]
    [InlineData("application/x-www-form-urlencoded", false, null)]
    [InlineData("multipart/form-data; boundary=x", false, null)]
    [InlineData("not a media type", false, null)]
    [InlineData("", false, null)]
    public void Only_JSON_in_UTF_8_is_accepted(string contentType, bool accepted, string? passedOn)
    {
        Assert.Equal(accepted, ApiContentTypes.IsAccepted(contentType, out var normalised));
        if (accepted)
        {
            Assert.Equal(passedOn, normalised);
        }
    }
}
