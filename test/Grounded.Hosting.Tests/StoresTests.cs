using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Storage;

namespace Grounded.Hosting.Tests;

/// <summary>The store registry maps a location to its store by the providers registered; a location no provider handles is refused, never made into a folder.</summary>
public sealed class StoresTests
{
    [Theory]
    [InlineData("./papers-index", "sqlite")]
    [InlineData("/var/lib/grounded", "sqlite")]
    [InlineData("sqlite:./papers-index", "sqlite")]
    [InlineData("postgres://grounded@db:5432/grounded", "postgres")]
    [InlineData("postgresql://grounded@db/grounded", "postgres")]
    public void MapsALocationToItsStoreByScheme(string location, string provider)
    {
        Assert.Equal(provider, Stores.All.For(location).Name);
    }

    [Fact]
    public async Task ALocationNoStoreHandlesIsRefusedNamingTheFormsAndNoFolderIsMade()
    {
        using var dir = new TempDirectory();
        var before = Directory.GetFileSystemEntries(dir.Path);
        var location = "redis://127.0.0.1:6379/0";

        var error = await Assert.ThrowsAsync<StoreException>(() =>
            Stores.All.OpenAsync(new StoreRequest(location, ArcticXsModel.Profile(quantized: true))));

        Assert.Contains("no store handles 'redis://127.0.0.1:6379/0'", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://USER@HOST:PORT/DB", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task TheEmbeddedRegistryRefusesAPostgresUrlInsteadOfMakingAFolderNamedAfterIt()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() =>
            StoreRegistry.Embedded.OpenAsync(new StoreRequest("postgres://grounded@127.0.0.1:1/grounded", ArcticXsModel.Profile(quantized: true))));

        Assert.Contains("no store handles", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists("postgres:"));
    }

    [Fact]
    public async Task ASqlitePrefixOpensTheDirectoryItNames()
    {
        using var dir = new TempDirectory();

        await using var store = await Stores.All.OpenAsync(new StoreRequest("sqlite:" + dir.Combine("store"), ArcticXsModel.Profile(quantized: true)));

        Assert.True(File.Exists(dir.Combine("store", "grounded.db")));
    }
}
