"""The report's own words (headings, column names, notes) in zh, zh_hant and en."""

from __future__ import annotations

from engine.narrate import pick

_WORDS: dict[str, tuple[str, str, str]] = {
    "title": ("史实对照报告", "史實對照報告", "History check report"),
    "scenario": ("剧本", "劇本", "Scenario"),
    "played": ("对局时段", "對局時段", "Played"),
    "seed": ("随机种子", "隨機種子", "Seed"),
    "turn": ("每回合", "每回合", "Turn"),
    "turn_month": ("一个月", "一個月", "one month"),
    "turn_season": ("一季（三个月）", "一季（三個月）", "one season (3 months)"),
    "players": ("玩家", "玩家", "Players"),
    "all_ai": ("全部由电脑操控", "全部由電腦操控", "every state played by the computer"),
    "human": ("人类玩家", "人類玩家", "human"),
    "computer": ("电脑", "電腦", "computer"),
    "historical_mode": ("史实抉择", "史實抉擇", "Historical choices"),
    "mode_off": ("不强制", "不強制", "not forced"),
    "mode_ai": ("电脑势力按史实抉择", "電腦勢力按史實抉擇", "forced for computer-played states"),
    "mode_all": ("所有势力按史实抉择", "所有勢力按史實抉擇", "forced for every state"),
    "whatifs": ("假设", "假設", "What-ifs"),
    "none": ("无", "無", "none"),
    "score": ("史实吻合度", "史實吻合度", "Fidelity to history"),
    "score_none": ("尚无到期的里程碑", "尚無到期的里程碑", "no milestone is due yet"),
    "score_formula": ("吻合度 = 100 × Σ(权重×得分) ÷ Σ权重，只计已到期（日期加容差已过）的里程碑。在容差之内得满分，偏差达到容差的三倍时降为零，其间线性递减；从未实现得零分。",
                      "吻合度 = 100 × Σ(權重×得分) ÷ Σ權重，只計已到期（日期加容差已過）的里程碑。在容差之內得滿分，偏差達到容差的三倍時降為零，其間線性遞減；從未實現得零分。",
                      "Fidelity = 100 × Σ(weight × credit) ÷ Σ weight, over the milestones that are due (date plus tolerance has passed). Credit is 1 within the tolerance, falls linearly to 0 at three times the tolerance, and is 0 if the milestone never held."),
    "milestones_on_time": ("{met}/{counted}个里程碑如期实现", "{met}/{counted}個里程碑如期實現", "{met} of {counted} milestones on time"),
    "breakdown": ("得分构成（按年）", "得分構成（按年）", "Breakdown by year"),
    "year": ("年份", "年份", "Year"),
    "met": ("如期", "如期", "On time"),
    "points": ("得分", "得分", "Points"),
    "of": ("满分", "滿分", "of"),
    "divergence": ("首个重大分歧", "首個重大分歧", "First major divergence"),
    "no_divergence": ("没有重大分歧：所有权重较大的里程碑都已实现。", "沒有重大分歧：所有權重較大的里程碑都已實現。",
                      "No major divergence: every weighty milestone came about."),
    "later_divergences": ("此后的重大分歧", "此後的重大分歧", "Later major divergences"),
    "milestones": ("里程碑", "里程碑", "Milestones"),
    "date": ("日期", "日期", "Date"),
    "month": ("月份", "月份", "Month"),
    "milestone": ("里程碑", "里程碑", "Milestone"),
    "weight": ("权重", "權重", "Weight"),
    "tolerance": ("容差", "容差", "±"),
    "status": ("结果", "結果", "Result"),
    "credit": ("得分率", "得分率", "Credit"),
    "timeline": ("对照年表", "對照年表", "Timeline side by side"),
    "history": ("真实历史", "真實歷史", "History"),
    "this_game": ("本局", "本局", "This game"),
    "timeline_note": ("左栏为史实（✓ 本局也发生了，括号内为时间偏差；✗ 本局没有发生），右栏为本局的主要事件。",
                      "左欄為史實（✓ 本局也發生了，括號內為時間偏差；✗ 本局沒有發生），右欄為本局的主要事件。",
                      "Left: what really happened (✓ it happened in this game too, with the months off; ✗ it did not). Right: the main events of this game."),
    "territory": ("各国据地数", "各國據地數", "Places held by each state"),
    "territory_note": ("每月月底各国占有的城池、关隘数。", "每月月底各國佔有的城池、關隘數。", "Places (cities, forts, passes) held at the end of each month."),
    "places_axis": ("据地数", "據地數", "places held"),
    "places_by_year": ("各年年底据地数", "各年年底據地數", "Places held at the end of each year"),
    "map": ("终局形势图", "終局形勢圖", "The map at the end"),
    "decisions": ("抉择对照", "抉擇對照", "Decisions beside history"),
    "decisions_note": ("各势力的抉择与史实中君主的抉择并列（✓ 与史实相同，✗ 与史实不同）。标“自动”的是按“史实抉择”设置由游戏代为选择的史实选项。",
                       "各勢力的抉擇與史實中君主的抉擇並列（✓ 與史實相同，✗ 與史實不同）。標「自動」的是按「史實抉擇」設定由遊戲代為選擇的史實選項。",
                       "Each state's decisions beside the historical ruler's (✓ as history, ✗ not as history). “(auto)” marks history's option, taken by the game under the historical-choices setting."),
    "decision": ("本局的抉择", "本局的抉擇", "Decision in this game"),
    "history_did": ("史实", "史實", "What history did"),
    "no_decisions": ("没有需要抉择的事。", "沒有需要抉擇的事。", "No decisions to show."),
    "forced": ("（自动）", "（自動）", "(auto)"),
    "history_silent": ("史料未载", "史料未載", "not recorded"),
    "instead": ("本局发生而史上没有的事", "本局發生而史上沒有的事", "What happened instead"),
    "footer": ("由《四国争衡》生成。史实依据见各条出处；里程碑与评分方法见 docs/chronology.md。",
               "由《四國爭衡》生成。史實依據見各條出處；里程碑與評分方法見 docs/chronology.md。",
               "Made by Four Realms. Sources are given with each real event; the milestones and the score are explained in docs/chronology.md."),
    "images_beside": ("图表另存为：", "圖表另存為：", "Charts written beside this file:"),
    "fallen": ("亡", "亡", "fallen"),
    "source": ("出处", "出處", "Source"),
}


def word(key: str, lang: str) -> str:
    """The report word ``key`` in ``lang``."""
    return pick(_WORDS[key], lang)


def words(lang: str) -> dict[str, str]:
    """Every report word in ``lang`` (for templates)."""
    return {k: word(k, lang) for k in _WORDS}
