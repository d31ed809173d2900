using Traject.Web.Common;

namespace Traject.Tests.Unit;

public class ApiExceptionHandlerTests
{
    [Theory]
    [InlineData(null, "body")]
    [InlineData("", "body")]
    [InlineData("$", "body")]
    [InlineData("$.dateOfBirth", "dateOfBirth")]
    [InlineData("$.roles[0]", "roles[0]")]
    [InlineData("$.a.b", "a.b")]
    [InlineData("$['odd name']", "['odd name']")]
    public void Json_paths_become_field_names(string? path, string field) =>
        Assert.Equal(field, ApiExceptionHandler.JsonPathToField(path));
}
