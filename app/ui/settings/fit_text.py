"""What "This laptop" says about a hardware fit, in the UI's language.

``inference.hardware.HardwareFit`` holds the measured facts; the sentences a teacher
reads are written here, so they go through Qt's translators like the rest of the page.
(pyside6-lupdate reads ``QCoreApplication.translate("Context", "literal")`` calls, so
each sentence is written out in one; a helper function would hide them from it.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inference.hardware import HardwareFit


def fit_sentence(fit: HardwareFit) -> str:
    """How fast the tutor writes here, and whether that is fast enough."""
    words = max(1, round(fit.words_per_s))
    labels = {"the standard tutor": QCoreApplication.translate(
                  "HardwareFit", "the standard tutor"),
              "the school server": QCoreApplication.translate(
                  "HardwareFit", "the school server")}
    label = labels.get(fit.model_label, fit.model_label)  # else a model's own name
    if words == 1:
        speed = QCoreApplication.translate(
            "HardwareFit", "This laptop writes about 1 word a second with {label}.")
    else:
        speed = QCoreApplication.translate(
            "HardwareFit", "This laptop writes about {words} words a second with {label}.")
    if fit.is_slow:
        advice = QCoreApplication.translate(
            "HardwareFit", "That is slow for a lesson: consider pointing the tutor at a "
                           "school server below.")
    else:
        advice = QCoreApplication.translate(
            "HardwareFit", "That is fast enough for the tutor to feel quick.")
    # Chinese puts no space between sentences: the join is translated too.
    text = QCoreApplication.translate("HardwareFit", "{speed} {advice}").format(
        speed=speed.format(words=words, label=label), advice=advice)
    if fit.wanted_model:
        why = QCoreApplication.translate(
            "HardwareFit", "The standard tutor ({wanted}) needs about {need:,} MB of memory "
                           "but only {free:,} MB was free, so Lantern uses the smaller "
                           "{label}. A teacher can choose another model below.").format(
            wanted=fit.wanted_model, need=fit.wanted_ram_mb, free=fit.ram_free_mb, label=label)
        text = QCoreApplication.translate("HardwareFit", "{speed} {advice}").format(
            speed=why, advice=text)
    return text


def fit_details(fit: HardwareFit) -> str:
    """Memory, CPU features, GPU and where the tutor runs, on one line."""
    if fit.backend == "gpu":
        where = QCoreApplication.translate("HardwareFit", "its graphics card")
    else:
        where = QCoreApplication.translate("HardwareFit", "{threads} CPU threads").format(
            threads=fit.threads)
    features = ", ".join(fit.cpu_features) or QCoreApplication.translate(
        "HardwareFit", "none of AVX2/NEON")
    gpu = fit.gpu if fit.gpu != "none" else QCoreApplication.translate("HardwareFit", "none")
    text = QCoreApplication.translate(
        "HardwareFit", "{total:,} MB memory ({free:,} MB free) · CPU features: {features} · "
                       "GPU: {gpu} · runs on {where}").format(
        total=fit.ram_total_mb, free=fit.ram_free_mb, features=features, gpu=gpu, where=where)
    if fit.refused:
        text += QCoreApplication.translate(
            "HardwareFit", " · too large for this laptop: {models}").format(
            models=", ".join(fit.refused))
    return text
