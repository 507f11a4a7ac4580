"""The frames' own words: verb phrases that name one predicate, and the synonym concepts
that frames read beyond ``vocabulary.CONCEPTS`` (the words rule-less keys share).

Each entry is a fact of news English: "handed back" is a release, "crowded onto" a boat is
what it carried, "plundered" money was taken, "polled" votes were won.
"""
from __future__ import annotations

#: Verb phrases that name one predicate concept ("handed back" is a release).
PHRASES = {("let", "go"): "release", ("handed", "back"): "release", ("handed", "over"): "release", ("hand", "over"): "release",
           ("brought", "home"): "release", ("came", "home"): "release", ("come", "home"): "release",
           ("let", "go"): "release", ("walked", "free"): "release", ("set", "free"): "release",
           ("sent", "home"): "release", ("knocked", "out"): "intercept", ("shot", "down"): "intercept",
           ("taken", "hostage"): "take", ("took", "hostage"): "take", ("taken", "captive"): "take",
           ("taken", "into"): "arrest",  # "were taken into custody"
           ("ordered", "out"): "evacuate", ("forced", "out"): "evacuate", ("forced", "from"): "evacuate",
           ("driven", "from"): "evacuate", ("driven", "out"): "evacuate",
           **{(v, p): "carry" for v in ("crowded", "packed", "crammed", "squeezed") for p in ("onto", "into", "aboard")}}
EXTRA_CONCEPTS = {"prisoner": "prisoner prisoners detainee detainees inmate inmates",
                  "body": "body bodies corpse corpses remains",
                  "soldier": "soldier soldiers troops servicemen servicewomen",
                  "take": "take took taken seize seized seizing abduct abducted abducting kidnap kidnapped "
                          "kidnapping capture captured snatch snatched grab grabbed grabbing steal stole stolen "
                          "stealing embezzle embezzled embezzling siphon siphoned siphoning misappropriate "
                          "misappropriated divert diverted defraud defrauded swindle swindled loot looted theft "
                          "thefts embezzlement misappropriation pocket pocketed pocketing plunder plundered "
                          "plundering taking",
                  "rise": "rose rise rises risen rising climb climbed climbs jump jumped jumps increase increased "
                          "increases reach reached reaches grow grew grown swell swelled soar soared",
                  "return": "return returned returning",
                  "remain": "remain remains remained remaining stay stayed hold holds holding held",
                  "show": "show shows showed shown see seen saw appear appears appeared",
                  "win": "win wins won winning secure secured polled polling garnered",
                  "fine": "fine fined fines penalize penalized penalise penalised",
                  "sentence": "sentence sentenced sentences sentencing jail jailed jailing imprison imprisoned "
                              "imprisoning",
                  "sell": "sell sells sold selling fetch fetched fetches fetching",
                  "raise": "raise raised raising",
                  "pay": "pay pays paid paying",
                  "spend": "spend spends spent spending",
                  "lose": "lose loses lost losing",
                  "owe": "owe owes owed owing",
                  "recover": "recover recovered recovering retrieve retrieved pull pulled find found finding "
                             "locate located discover discovered",
                  "send": "send sends sent sending deploy deployed deploying dispatch dispatched dispatching "
                          "posted stationed",
                  "seek": "seek seeks sought seeking ask asks asked asking request requested demand demanded",
                  "witness": "watch watched witness witnessed",
                  "approve": "approve approved approves authorize authorized authorise authorised",
                  "destroy": "destroy destroyed destroys destroying damage damaged damaging gut gutted raze razed",
                  "evacuate": "evacuate evacuated evacuating",
                  "cut": "cut cuts cutting slash slashed eliminate eliminated shed shedding axe axed axing",
                  "job": "job jobs role roles position positions post posts",
                  "respond": "respond responded responding battle battled battling tackle tackled tackling fought",
                  "cancel": "cancel cancels cancelled canceled cancelling scrap scrapped scrapping",
                  "carry": "carry carries carried carrying boarded",
                  "fall": "fall falls fell fallen falling slip slipped slips slipping plunge plunged plunges plunging "
                          "tumble tumbled tumbles drop dropped drops dropping"}


__all__ = ["EXTRA_CONCEPTS", "PHRASES"]
