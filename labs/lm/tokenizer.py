"""Tokenizers: the notebook's hub tokenizers, or the same two kinds trained locally.

``gpt2_like`` is byte-level BPE as GPT-2's (one special token, ``<|endoftext|>``, used as
bos, eos and unk; no prefix space, no special tokens added to a text). ``bert_like`` is a
cased WordPiece as BERT's, adding ``[CLS] ... [SEP]`` around each text (its vocabulary is
chosen by a deterministic rule, see ``wordpiece_vocab``). Both are built with the
``tokenizers`` library and wrapped as ``transformers`` fast tokenizers.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
from transformers import PreTrainedTokenizerFast

HUB_TOKENIZERS = {"clm": "sgugger/gpt2-like-tokenizer", "mlm": "sgugger/bert-like-tokenizer"}
# Upper bounds: the trainers stop earlier once every word of the corpus is a single token.
DEFAULT_VOCAB_SIZE = 8192
BERT_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def gpt2_like(texts: Iterable[str], vocab_size: int = DEFAULT_VOCAB_SIZE) -> PreTrainedTokenizerFast:
    eos = "<|endoftext|>"
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[eos], show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tokenizer.train_from_iterator(texts, trainer=trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, bos_token=eos, eos_token=eos,
                                   unk_token=eos, model_max_length=1024)


def bert_like(texts: Iterable[str], vocab_size: int = DEFAULT_VOCAB_SIZE) -> PreTrainedTokenizerFast:
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=False)  # cased, as bert-base-cased
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.decoder = decoders.WordPiece()
    tokenizer.model = models.WordPiece(vocab=wordpiece_vocab(tokenizer, texts, vocab_size),
                                       unk_token="[UNK]")
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, pad_token="[PAD]", unk_token="[UNK]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                                   model_max_length=512)


def wordpiece_vocab(tokenizer: Tokenizer, texts: Iterable[str], vocab_size: int) -> dict[str, int]:
    """Specials, every character (word-initial and ``##`` continuing), then the most frequent words.

    Hand-written rather than ``tokenizers.trainers.WordPieceTrainer``: that trainer breaks
    ties between equally frequent merges in an order that changes from process to process
    (measured: a different vocabulary, hence different token ids, on every run), so two runs
    with the same seed disagreed. This rule is deterministic; on the built-in corpus, whose
    words all fit, it tokenises every seen word as one token, as the trainer does.
    """
    words: Counter[str] = Counter()
    for text in texts:
        normalized = tokenizer.normalizer.normalize_str(text)
        words.update(word for word, _ in tokenizer.pre_tokenizer.pre_tokenize_str(normalized))
    characters = sorted({c for word in words for c in word})
    pieces = BERT_SPECIALS + characters + [f"##{c}" for c in characters]
    whole = [w for w, _ in sorted(words.items(), key=lambda item: (-item[1], item[0]))
             if len(w) > 1]
    pieces += whole[:max(0, vocab_size - len(pieces))]
    return {piece: i for i, piece in enumerate(pieces)}


def train_tokenizer(kind: str, texts: Iterable[str]) -> PreTrainedTokenizerFast:
    """``clm``: GPT-2-like; ``mlm``: BERT-like; trained on ``texts``."""
    return {"clm": gpt2_like, "mlm": bert_like}[kind](texts)


def hub_tokenizer(kind: str) -> PreTrainedTokenizerFast:
    """The notebook's tokenizer from the Hugging Face hub (needs network or a local cache)."""
    from transformers import AutoTokenizer

    name = HUB_TOKENIZERS[kind]
    try:
        return AutoTokenizer.from_pretrained(name)
    except OSError as error:
        raise OSError(f"cannot load the tokenizer {name} from the Hugging Face hub ({error}); "
                      "offline, use --corpus builtin or --corpus DIR (a local WikiText-2 copy), "
                      "which train their tokenizers locally") from None
