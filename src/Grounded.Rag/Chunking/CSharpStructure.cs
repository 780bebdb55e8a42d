using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grounded.Rag.Chunking;

/// <summary>
/// C# structure from a Roslyn syntax tree: namespaces, types and members, each over its full span (doc comments and
/// attributes included). Roslyn recovers from syntax errors, so broken code still yields a tree covering every character.
/// </summary>
internal sealed class CSharpStructure : ICodeStructure
{
    public CodeUnit Parse(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot();
        return CodeUnit.Root(text, Members(root));
    }

    private static List<CodeUnit> Members(SyntaxNode node) =>
        node.ChildNodes().OfType<MemberDeclarationSyntax>()
            .Select(m => new CodeUnit(m.FullSpan.Start, m.FullSpan.End, Name(m), Nests(m) ? Members(m) : []))
            .ToList();

    private static bool Nests(MemberDeclarationSyntax member) => member is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or EnumDeclarationSyntax;

    private static string? Name(MemberDeclarationSyntax member) => member switch
    {
        BaseNamespaceDeclarationSyntax n => n.Name.ToString(),
        BaseTypeDeclarationSyntax t => t.Identifier.Text,
        DelegateDeclarationSyntax d => d.Identifier.Text,
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text,
        DestructorDeclarationSyntax d => "~" + d.Identifier.Text,
        OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
        ConversionOperatorDeclarationSyntax c => "operator " + c.Type,
        PropertyDeclarationSyntax p => p.Identifier.Text,
        EventDeclarationSyntax e => e.Identifier.Text,
        IndexerDeclarationSyntax => "this[]",
        BaseFieldDeclarationSyntax f => string.Join(", ", f.Declaration.Variables.Select(v => v.Identifier.Text)),
        EnumMemberDeclarationSyntax e => e.Identifier.Text,
        GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax f } => f.Identifier.Text,
        _ => null,
    } is { Length: > 0 } name ? name : null;
}
