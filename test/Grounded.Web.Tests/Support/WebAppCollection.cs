namespace Grounded.Web.Tests.Support;

/// <summary>The browser tests share one server and one browser (starting Chromium is the slow part) and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppHost>
{
    public const string Name = "web app";
}
