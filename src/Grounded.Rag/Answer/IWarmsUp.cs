namespace Grounded.Rag.Answer;

/// <summary>A stage with slow first-use work (loading a model) that the pipeline can start early, while earlier stages run.</summary>
internal interface IWarmsUp
{
    /// <summary>Starts the warm-up in the background and returns at once; calling it again does nothing.</summary>
    void BeginWarmUp();
}
