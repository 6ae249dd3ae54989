"""Ukraine's first-level units (24 oblasts, the Autonomous Republic of Crimea, the cities of Kyiv
and Sevastopol) by ISO 3166-2 code, with their names in both languages: the maps' join key.

Not a dataset (no CSV): the vocabulary the oblast datasets share.
"""

from __future__ import annotations

from dashboard.datasets.spec import vocabulary

OBLAST = vocabulary(
    "oblast",
    ("UA-43", "クリミア自治共和国", "Autonomous Republic of Crimea"),
    ("UA-40", "セヴァストーポリ市", "Sevastopol (city)"),
    ("UA-09", "ルハンシク州", "Luhansk"),
    ("UA-14", "ドネツク州", "Donetsk"),
    ("UA-23", "ザポリッジャ州", "Zaporizhzhia"),
    ("UA-65", "ヘルソン州", "Kherson"),
    ("UA-63", "ハルキウ州", "Kharkiv"),
    ("UA-12", "ドニプロペトロウシク州", "Dnipropetrovsk"),
    ("UA-59", "スーミ州", "Sumy"),
    ("UA-48", "ミコライウ州", "Mykolaiv"),
    ("UA-51", "オデーサ州", "Odesa"),
    ("UA-53", "ポルタヴァ州", "Poltava"),
    ("UA-74", "チェルニーヒウ州", "Chernihiv"),
    ("UA-32", "キーウ州", "Kyiv"),
    ("UA-30", "キーウ市", "Kyiv (city)"),
    ("UA-18", "ジトーミル州", "Zhytomyr"),
    ("UA-35", "キロヴォフラード州", "Kirovohrad"),
    ("UA-71", "チェルカーシ州", "Cherkasy"),
    ("UA-05", "ヴィンニツャ州", "Vinnytsia"),
    ("UA-68", "フメリニツキー州", "Khmelnytskyi"),
    ("UA-56", "リウネ州", "Rivne"),
    ("UA-07", "ヴォリン州", "Volyn"),
    ("UA-61", "テルノーピリ州", "Ternopil"),
    ("UA-46", "リヴィウ州", "Lviv"),
    ("UA-26", "イヴァノ・フランキウシク州", "Ivano-Frankivsk"),
    ("UA-21", "ザカルパッチャ州", "Zakarpattia"),
    ("UA-77", "チェルニウツィー州", "Chernivtsi"),
)
OBLASTS = OBLAST.values
