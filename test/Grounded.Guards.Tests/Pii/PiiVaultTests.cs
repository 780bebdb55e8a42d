using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class PiiVaultTests
{
    [Fact]
    public void TheSameValueGetsTheSamePlaceholderAndEachNewValueTheNextNumberOfItsType()
    {
        var vault = new PiiVault();

        var maria = vault.Placeholder(PiiTypes.Person, "Maria");
        var john = vault.Placeholder(PiiTypes.Person, "John");
        var email = vault.Placeholder(PiiTypes.Email, "maria@example.org");
        var again = vault.Placeholder(PiiTypes.Person, "Maria");

        Assert.Equal("<PERSON_1>", maria);
        Assert.Equal("<PERSON_2>", john);
        Assert.Equal("<EMAIL_ADDRESS_1>", email);
        Assert.Equal(maria, again);
        Assert.Equal(3, vault.Count);
    }

    [Fact]
    public void RestoreReplacesTheVaultsPlaceholdersAndLeavesOtherAngleBracketsAlone()
    {
        var vault = new PiiVault();
        vault.Placeholder(PiiTypes.Person, "Maria");
        vault.Placeholder(PiiTypes.Email, "maria@example.org");

        var restored = vault.Restore("Dear <PERSON_1>, we wrote to <EMAIL_ADDRESS_1> about <PERSON_2> and 3 < 4 <b>bold</b>.");

        Assert.Equal("Dear Maria, we wrote to maria@example.org about <PERSON_2> and 3 < 4 <b>bold</b>.", restored);
    }

    [Fact]
    public void RestoreFindsAPlaceholderAfterAStrayOpeningBracket()
    {
        var vault = new PiiVault();
        vault.Placeholder(PiiTypes.Person, "Maria");

        Assert.Equal("if a < b then Maria wins", vault.Restore("if a < b then <PERSON_1> wins"));
    }
}
