from inference.devices import CPU_PROVIDER, choose_chat, choose_embed, cpu_features


def test_gpu_offload_takes_every_layer_and_says_why() -> None:
    choice = choose_chat(True, 4)
    assert (choice.device, choice.gpu_layers, choice.threads) == ("gpu", -1, 4)
    assert "GPU" in choice.reason


def test_no_offload_means_cpu_and_zero_layers() -> None:
    choice = choose_chat(False, 2)
    assert (choice.device, choice.gpu_layers) == ("cpu", 0)
    assert "no GPU offload" in choice.reason


def test_embeddings_prefer_a_gpu_provider_when_offered() -> None:
    assert choose_embed(["CUDAExecutionProvider", CPU_PROVIDER], 2).backend == (
        "CUDAExecutionProvider")
    cpu = choose_embed(["AzureExecutionProvider", CPU_PROVIDER], 2)
    assert (cpu.device, cpu.backend) == ("cpu", CPU_PROVIDER)


def test_cpu_features_are_booleans_for_every_name() -> None:
    features = cpu_features()
    assert set(features) == {"avx", "avx2", "avx512f", "fma", "f16c", "neon"}
    assert all(isinstance(v, bool) for v in features.values())
