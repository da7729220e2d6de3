"""Local model runtimes for Lantern: llama.cpp for chat, ONNX Runtime for embeddings.

Nothing here imports Qt or the app; the app drives these engines from its worker threads.
"""
