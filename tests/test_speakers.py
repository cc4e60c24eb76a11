"""Speaker attribution, one table row per kind (generator/extract/speakers.py through extract_quotes).

The sentences are written for these tests: not from the seeds, not from the annotated test split.
"""

from __future__ import annotations

import pytest

from generator.model import Paragraph, Source

pytestmark = pytest.mark.model


def make_source(text: str) -> Source:
    paragraphs, offset = [], 0
    for index, part in enumerate(text.split("\n\n")):
        paragraphs.append(Paragraph(index, offset, offset + len(part), part))
        offset += len(part) + 2
    return Source("t", "t.txt", "txt", "t", None, None, None, None, text, tuple(paragraphs), ())


@pytest.fixture(scope="module")
def nlp():
    from generator.extract.facts import add_paragraph_boundaries
    from generator.extract.nlp import load_model

    return add_paragraph_boundaries(load_model("en_core_web_sm"))


def last_quote(nlp, text: str):
    from generator.extract.facts import extract_people, extract_sentences
    from generator.extract.quotes import extract_quotes

    source = make_source(text)
    doc = nlp(text)
    quotes = extract_quotes(doc, source, extract_sentences(doc, source), extract_people(doc, source))
    assert quotes, "no quote found"
    return quotes[-1]


CASES = [
    # ---- cue: the reporting clause names the speaker
    pytest.param(
        "“We will rebuild the bridge by spring,” said Maria Lopez, the city engineer.",
        "Maria Lopez", "cue", id="cue-inverted-said",
    ),
    pytest.param(
        "Brad Pitt arrived two hours late.\n\n“That was the easy part,” quipped Pitt.",
        "Brad Pitt", "cue", id="cue-quipped-surname",
    ),
    pytest.param(
        "Governor Jay Inslee toured the flooded valley.\n\n“We are ready to help,” Gov. Inslee said on Monday.",
        "Jay Inslee", "cue", id="cue-title-with-full-stop",
    ),
    pytest.param(
        "Phoebe Waller-Bridge won the award.\n\n“I am stunned,” Waller-Bridge said.",
        "Phoebe Waller-Bridge", "cue", id="cue-hyphenated-surname",
    ),
    pytest.param(
        "Mayor Karen Bass toured the burnt streets.\n\n“We will rebuild,” Ms. Bass said.",
        "Karen Bass", "cue", id="cue-ms-with-full-stop",
    ),
    pytest.param(
        "Michael Greenspan teaches law in Toronto.\n\n“It is a hard case to win,” Michael said.",
        "Michael Greenspan", "cue", id="cue-first-name-alone",
    ),
    pytest.param(
        "President Donald Trump spoke in Ohio on Friday.\n\n“The war is over,” Trump declared.",
        "Donald Trump", "cue", id="cue-declared",
    ),
    # ---- colon: the speaker introduces the quote
    pytest.param(
        "Amira Jamil explained the program:\n\n“Every child gets a laptop and a tutor for the whole year.”",
        "Amira Jamil", "colon", id="colon-previous-paragraph",
    ),
    # ---- carried: a quote standing alone continues the speaker before it
    pytest.param(
        "“We opened the doors at nine,” said Tom Becker, the shop owner.\n\n“By ten the shelves were empty.”\n\n"
        "“Nobody expected that many people.”",
        "Tom Becker", "carried", id="carried-quote-run",
    ),
    pytest.param(
        "“We opened the doors at nine,” said Tom Becker, the shop owner.\n\n"
        "Police chief Ann Rudd said the crowd stayed calm all morning.\n\n“We had two officers on the corner.”",
        "Ann Rudd", "carried", id="carried-stops-at-another-speaker",
    ),
    # ---- pronoun: gender and number must agree; salience before distance
    pytest.param(
        "Sarah Collins met Peter Hall in Geneva on Monday.\n\n“The deal is done,” she said.",
        "Sarah Collins", "pronoun", id="pronoun-nearest-person-wrong-gender",
    ),
    pytest.param(
        "Wally Ross said Tom Blake is charged with fraud, while Jim Oates is accused of theft.\n\n"
        "“This has been a very complex case,” he told reporters.",
        "Wally Ross", "pronoun", id="pronoun-salience-of-the-last-statement",
    ),
    pytest.param(
        "Peter Hall and John Wood met in Geneva on Monday.\n\n“The deal is done,” she said.",
        None, "pronoun", id="pronoun-no-agreeing-candidate",
    ),
    pytest.param(
        "A statement from BC Hydro said crews were working through the night.\n\n“Power will be back by Friday,” it added.",
        "BC Hydro", "pronoun", id="pronoun-it-an-organisation",
    ),
    # ---- description: a role given earlier
    pytest.param(
        "District Attorney Steve Cooley filed the charges on Tuesday.\n\n"
        "“We will not let the killers go unpunished,” the District Attorney said.",
        "Steve Cooley", "description", id="description-title",
    ),
    pytest.param(
        "Mark Riley, the victim's older brother, spoke briefly outside the court.\n\n"
        "“He could play any instrument,” said his brother.",
        "Mark Riley", "description", id="description-apposition",
    ),
    pytest.param(
        "Sen. Elizabeth Warren spoke first.\n\n“This bill is a disgrace,” the senator said.",
        "Elizabeth Warren", "description", id="description-abbreviated-title",
    ),
    pytest.param(
        "Eric Kirkpatrick, 61, appeared in court on Monday.\n\n“I am innocent,” the 61-year-old said.",
        "Eric Kirkpatrick", "description", id="description-age",
    ),
    pytest.param(
        "State Rep. Barry Fleming, a Republican, filed the bill.\n\n“Voters want this,” the Republican said.",
        "Barry Fleming", "description", id="description-party",
    ),
    # ---- organisation: an organisation speaks
    pytest.param(
        "“Power will be back by Friday,” a statement from BC Hydro said.",
        "BC Hydro", "organisation", id="organisation-statement-from",
    ),
    pytest.param(
        "Officials at the Defence Ministry met on Monday.\n\n“We regret the delay,” the ministry said.",
        "Defence Ministry", "organisation", id="organisation-the-ministry-named-before",
    ),
    pytest.param(
        "Shares of Tesla fell 5 percent on Monday.\n\n“Demand remains strong,” the carmaker said.",
        "Tesla", "organisation", id="organisation-the-carmaker",
    ),
    pytest.param(
        "Officials said the road would stay closed.\n\n“Drivers should avoid the area,” authorities said.",
        None, "cue", id="unnamed-authorities-are-no-organisation",
    ),
    pytest.param(
        "Kraft Foods issued a statement on Friday morning.\n\n“This is a tragic loss for all of us,” the statement said.",
        "Kraft Foods", "organisation", id="organisation-the-statement-issued-earlier",
    ),
    # ---- added for the second round of issue 11 (sentences written here, not taken from any article)
    pytest.param(
        "The South African golfer Trevor Nolan won the Open on Sunday.\n\n“I still cannot believe it,” said the 34-year-old.",
        "Trevor Nolan", "description", id="description-epithet-age-never-given",
    ),
    pytest.param(
        "Emma Stone arrived at the premiere in a red dress.\n\n“I love this city,” the star told reporters.",
        "Emma Stone", "description", id="description-epithet-the-star",
    ),
    pytest.param(
        "Lucy Hart left the clinic on Friday.\n\n“She is doing much better,” her father said.",
        None, "description", id="description-kin-of-somebody-is-somebody-else",
    ),
    pytest.param(
        "A surgeon at the hospital described the wounds. Mayor Tom Reed visited on Monday.\n\n"
        "“Most of them will recover,” the surgeon said.",
        None, "description", id="description-introduced-as-unnamed",
    ),
    pytest.param(
        "Rainer Voss, the economy minister, criticised the decision.\n\n"
        "“It is completely unacceptable,” said the premier of the state of Hesse.",
        None, "description", id="description-with-of-is-a-new-person",
    ),
    pytest.param(
        "John Ging, UNRWA's director of operations, visited the school on Monday.\n\n"
        "“The families had nowhere else to go,” the UNRWA official said.",
        "John Ging", "description", id="description-official-of-a-named-organisation",
    ),
    pytest.param(
        "“We cannot comment on the merger for ninety days,” the Siemens statement said.",
        "Siemens", "organisation", id="organisation-statement-with-its-issuer-before-it",
    ),
    pytest.param(
        "The frigate answered a distress call on Saturday, a Defence Ministry statement said.\n\n"
        "“The boats turned away when the helicopter came.”",
        "Defence Ministry", "carried", id="carried-from-a-ministry-statement",
    ),
    pytest.param(
        "The army maintained that rockets had been fired from the school.\n\n"
        "In a statement released by spokesman Major David Cohen, it said it had clear evidence.\n\n"
        "“This is not the first time,” the statement said.",
        "David Cohen", "organisation", id="organisation-statement-released-by",
    ),
    pytest.param(
        "Workers at Ridgeway Foods heard the shots. Lena Park, a line worker, told The Associated Press she ran.\n\n"
        "“This is a sad day for our family,” the company said in a statement.",
        "Ridgeway Foods", "organisation", id="organisation-the-company-is-not-the-news-agency",
    ),
    pytest.param(
        "The US carmaker Ford has said it would be “solidly profitable” by 2011.",
        "Ford", "organisation", id="organisation-noun-and-name-as-two-subjects",
    ),
    pytest.param(
        "Paul Grant tweeted: “A fine choice.”\n\nSinger Tom Hale was the envy of his followers as he tweeted:\n\n"
        "“That was tense!”",
        "Tom Hale", "pronoun", id="colon-pronoun-of-its-own-sentence",
    ),
    pytest.param(
        "Ann Lee tweeted: “Great news” while actress Maria Cole was happy with Peter, who she worked with in 2008:\n\n"
        "“Superb choice, and a fine actor too!”",
        "Maria Cole", "colon", id="colon-the-subject-not-a-name-in-a-phrase",
    ),
    pytest.param(
        "Mass shootings are rare, said Dr. Park Dietz.\n\nEarlier this year, Amy Bishop was charged with murder.\n\n"
        "She claimed the shootings “didn't happen.”",
        "Amy Bishop", "pronoun", id="pronoun-passive-subject-moves-the-story-on",
    ),
    pytest.param(
        "“We are treating it as arson,” James Steele told the newspaper, adding nothing suggests a motive.\n\n"
        "“There is no connection,” he said.",
        "James Steele", "pronoun", id="pronoun-nothing-is-no-speaker",
    ),
    pytest.param(
        "The conservative daily Kathimerini warned that the cuts would fail. Nikos Pappas, a pensioner, said he would "
        "march again.\n\n“The streets will not stay quiet for long,” the paper said.",
        "Kathimerini", "organisation", id="organisation-the-paper-that-spoke-last",
    ),
    pytest.param(
        "A white paper written for the state agriculture department in 2006 praised the dairy.\n\n"
        "“The creamery has paid its way since 1988,” the white paper said.",
        None, "organisation", id="organisation-a-white-paper-is-a-document",
    ),
    pytest.param(
        "Canada issued a statement on Thursday about the border.\n\n"
        "“These strikes raise the risk of war,” the Canadian statement said.",
        "Canada", "organisation", id="organisation-a-state-issued-the-statement",
    ),
    pytest.param(
        "“We will stop paying the loans,” Karen Olsen, the chief executive, notified the board on Monday.",
        "Karen Olsen", "cue", id="cue-notified",
    ),
    pytest.param(
        "Actor Peter Doyle will play the lead.\n\nIn a statement, the 55 - year - old said: "
        "“Being asked to play the part is an amazing privilege.”",
        "Peter Doyle", "description", id="description-age-written-with-spaced-hyphens",
    ),
    pytest.param(
        "Serena Willis won her fifth title in Paris.\n\n“I never thought I would get here,” the former champion told reporters.",
        "Serena Willis", "description", id="description-epithet-former-champion",
    ),
    pytest.param(
        "Tom Ford, 45, was arrested on Friday. His lawyer, Ann Bell, spoke to reporters.\n\n“My client is innocent,” the lawyer said.",
        "Ann Bell", "description", id="description-apposition-not-the-nearest-person",
    ),
    pytest.param(
        "Greenpeace activist Maria Lund climbed the rig.\n\n“We will stay until they stop drilling,” the 28-year-old said.",
        "Maria Lund", "description", id="description-the-parser-hangs-the-phrase-on-the-verb",
    ),
    pytest.param(
        "Greenpeace said the rig was unsafe.\n\n“We will stay until they stop drilling,” the group said.",
        "Greenpeace", "organisation", id="organisation-the-group",
    ),
    pytest.param(
        "Anna Berg met Carl Holm.\n\n“We disagree on taxes,” they said in a joint statement.",
        None, "pronoun", id="pronoun-they-of-two-people-names-nobody",
    ),
    pytest.param(
        "The league's disciplinary code states: “A player who spits at an opponent shall be suspended for six matches.”",
        None, "organisation", id="colon-cue-word-read-as-a-noun",  # no league named: nobody (round 7, as "the company")
    ),
    # ---- third round of issue 11: organisations and colon introductions (sentences written here)
    pytest.param(
        "NASA postponed the launch on Friday.\n\n“Safety is our first priority,” the agency said.",
        "NASA", "organisation", id="organisation-the-agency-named-before",
    ),
    pytest.param(
        "The Academy of Motion Picture Arts and Sciences chose the host on Friday.\n\n"
        "“He is the perfect choice,” the Academy said in a statement.",
        "Academy of Motion Picture Arts and Sciences", "organisation", id="organisation-short-name-to-the-fullest-given",
    ),
    pytest.param(
        "FLAG Telecom said two of its cables were damaged.\n\n“Repairs will take two weeks,” FLAG said.",
        "FLAG Telecom", "organisation", id="organisation-short-name-tagged-as-a-person",
    ),
    pytest.param(
        "The World Health Organization declared an emergency on Monday.\n\n“The virus is spreading fast,” the WHO said.",
        "World Health Organization (WHO)", "organisation", id="organisation-acronym-is-no-relative-pronoun",
    ),
    pytest.param(
        "The Society for the Protection of Hedgehogs objected to the road. SPH said it opposes the “reckless” plan.",
        "Society for the Protection of Hedgehogs (SPH)", "organisation", id="organisation-acronym-of-the-capitalised-words",
    ),
    pytest.param(
        "The rodeo opened on Friday. People for the Ethical Treatment of Animals wrote to the mayor.\n\nPETA said it "
        "would send observers to the “cruel” event.",
        "PETA", "organisation", id="organisation-acronym-tagged-as-a-noun",
    ),
    pytest.param(
        "The central bank kept rates unchanged. The FOMC expects inflation to “ease over the year”, it said.",
        "FOMC", "pronoun", id="organisation-acronym-tagged-as-an-adjective",
    ),
    pytest.param(
        "LIMA, June 4 (Andina) -- Peru's transport ministry criticised the airline on Monday, warning that it would "
        "face fines for such “unacceptable” delays.",
        "Peru's transport ministry", "organisation", id="organisation-a-dateline-place-is-no-subject",
    ),
    pytest.param(
        "The Harwick Housing Tribunal heard the appeal on Monday.\n\nThe tribunal also found a flaw in the lease, "
        "noting that “The rent was never lawfully raised.”",
        "Harwick Housing Tribunal", "organisation", id="organisation-a-participle-of-saying-under-found",
    ),
    pytest.param(
        "Hundreds of tenants face eviction this winter, says a report highlighting the “quiet crisis” in rented "
        "housing. The report by the Harwick Tenants Union claims landlords have raised rents by a third.",
        "Harwick Tenants Union", "organisation", id="organisation-a-report-whose-issuer-the-next-sentence-names",
    ),
    pytest.param(
        "Hundreds of tenants face eviction this winter, says a report highlighting the “quiet crisis” in rented "
        "housing. Landlords have raised rents by a third.",
        None, "organisation", id="organisation-a-report-nobody-is-said-to-issue",
    ),
    pytest.param(
        "Microsoft warned users on Tuesday.\n\n“We are aware of the problem,” the software giant said.",
        "Microsoft", "organisation", id="organisation-the-software-giant",
    ),
    pytest.param(
        "Egypt's communications ministry said the cable was cut.\n\n“We expect repairs to take two weeks,” the ministry said.",
        "Egypt's communications ministry", "organisation", id="organisation-the-ministry-that-spoke-unnamed-by-the-tagger",
    ),
    pytest.param(
        "“The attack was barbaric,” read a statement from the Interior Ministry.",
        "Interior Ministry", "organisation", id="organisation-a-statement-reads",
    ),
    pytest.param(
        "The Interior Ministry issued a statement on Monday.\n\n“The attack was barbaric,” the statement read.",
        "Interior Ministry", "organisation", id="organisation-the-statement-read",
    ),
    pytest.param(
        "Human Rights Watch published a report on Monday.\n\n“Civilians were targeted deliberately,” the report said.",
        "Human Rights Watch", "organisation", id="organisation-issuer-the-tagger-missed",
    ),
    pytest.param(
        "“The Yankees are the favourites,” according to a report on ESPN.com.",
        "ESPN.com", "organisation", id="organisation-a-report-on-a-website",
    ),
    pytest.param(
        "“No one was hurt,” a statement from the supermarket chain Waitrose said.",
        "Waitrose", "cue", id="organisation-a-name-ending-the-phrase-of-a-statement",
    ),
    pytest.param(
        "“No one was hurt,” a statement from the supermarket chain, Waitrose, said.",
        "Waitrose", "organisation", id="organisation-issuer-in-apposition",
    ),
    pytest.param(
        "“We are reviewing the footage,” a spokesperson for Network Rail said.",
        None, "cue", id="organisation-unnamed-spokesperson-names-nobody",
    ),
    pytest.param(
        "“He was a great patriot,” the Felt family said in a statement.",
        "Felt family", "organisation", id="organisation-a-named-family",
    ),
    pytest.param(
        "Mark Felt died on Thursday.\n\n“He was a great patriot,” his family said in a statement.",
        None, "organisation", id="organisation-a-family-unnamed-is-nobody-named",
    ),
    pytest.param(
        "The ministry condemned what it called “a cowardly and senseless attack on civilians”.",
        None, "pronoun", id="pronoun-it-the-organisation-of-its-own-sentence",  # no ministry named: nobody
    ),
    pytest.param(
        "Chelsea manager Mourinho told Sky Sports: “We played well.”",
        "Chelsea manager Mourinho", "colon", id="colon-a-person-of-an-organisation-is-no-organisation",
    ),
    pytest.param(
        "The Transport Ministry said the bridge would reopen. The statement added:\n\n“Work starts on Monday.”",
        "Transport Ministry", "organisation", id="colon-the-statement-of-the-organisation-that-spoke",
    ),
    pytest.param(
        "Delta Air Lines cancelled 300 flights on Monday. A statement on its website read:\n\n“All flights will resume tomorrow.”",
        "Delta Air Lines", "organisation", id="colon-a-statement-on-its-website-read",
    ),
    pytest.param(
        "Delta Air Lines cancelled 300 flights. The airline's statement said: “All flights will resume tomorrow.”",
        "Delta Air Lines", "organisation", id="colon-the-airlines-statement",
    ),
    pytest.param(
        "Microsoft's response:\n\n“We take security seriously.”",
        "Microsoft", "organisation", id="colon-a-label-with-a-possessor",
    ),
    pytest.param(
        "Here is the full statement from Unilever:\n\n“We will not negotiate.”",
        "Unilever", "organisation", id="colon-a-label-with-from",
    ),
    pytest.param(
        "On the strike, the union's position is clear:\n\n“We will not negotiate.”",
        None, "organisation", id="colon-the-subject-is-a-possession",  # no union named: nobody
    ),
    pytest.param(
        "The statement reads in full:\n\n“We will rebuild the bridge by spring.”",
        None, "organisation", id="colon-a-statement-of-nobody-named",
    ),
    pytest.param(
        "Maria Lopez visited the site on Monday.\n\nReaction:\n\n“We will rebuild the bridge by spring.”",
        None, None, id="colon-a-heading-names-nobody",
    ),
    pytest.param(
        "Tom Hale wrote to the board. His letter said:\n\n“We will not negotiate.”",
        "Tom Hale", "organisation", id="colon-his-letter",
    ),
    pytest.param(
        "The BBC announced the new Doctor on Sunday.\n\n“We are delighted,” the corporation said in a statement.",
        "BBC", "organisation", id="organisation-the-corporation",
    ),
    pytest.param(
        "Human Rights Watch said the vote was not free.\n\n“There was no choice,” the group said in a statement.",
        "Human Rights Watch", "organisation", id="organisation-the-group-that-spoke-untagged",
    ),
    pytest.param(
        "Cisco Systems builds small servers. According to the company, this technology is “chip agnostic,” meaning it "
        "works with any processor.",
        "Cisco Systems", "organisation", id="organisation-according-to-the-company-a-short-fragment",
    ),
    pytest.param(
        "Peter Doyle, who described himself as a “full anorak” fan of the show, will play the lead.",
        "Peter Doyle", "cue", id="cue-who-described-himself",
    ),
    pytest.param(
        "Lisa Marr runs the chip unit. She said that new chips will be added to the servers “towards the end of this year.”",
        "Lisa Marr", "pronoun", id="pronoun-a-cue-in-the-passive-is-no-speaker",
    ),
    pytest.param(
        "Tom Spence edits a magazine about the show.\n\nThe hope was dashed, though Steven Ray hinted that it might come later."
        "\n\n“Time Lords can change gender, so it is not against the rules,” he said.",
        "Steven Ray", "pronoun", id="pronoun-hinted-is-a-statement",
    ),
    pytest.param(
        "Al - Sawarmi Khalid, spokesman for the armed forces, said nothing was bombed.\n\n"
        "“We respect international law,” he said.",
        "Al - Sawarmi Khalid", "pronoun", id="pronoun-a-person-named-with-a-spokesmans-apposition",
    ),
    pytest.param(
        "Egypt ’ s Ministry of Communications said in a statement that two cables were cut.\n\n"
        "“Internet traffic has been rerouted,” the statement said.",
        "Ministry of Communications", "organisation", id="organisation-possessive-split-by-spaces",
    ),
    pytest.param(
        "The government newspaper Neutral Turkmenistan wrote:\n\n“The people have made their choice.”",
        "Neutral Turkmenistan", "organisation", id="colon-a-newspaper-named-in-apposition",
    ),
    pytest.param(
        "“The update is available now,” a notice on the Microsoft website said.",
        "Microsoft", "organisation", id="organisation-a-notice-on-the-website-of-a-company",
    ),
    pytest.param(
        "The school district sent a letter to parents.\n\n“Classes will resume on Monday,” the letter said.",
        None, "organisation", id="organisation-the-letter-a-district-sent",  # no district named: nobody (round 7)
    ),
    pytest.param(
        "“The defendant showed no remorse,” the court ruling said.",
        None, "organisation", id="organisation-the-court-ruling",  # no court named: nobody (round 7)
    ),
    pytest.param(
        "“Stop the bombing,” Aid group head Franklin Graham said in a press release.\n\nIn a press statement released "
        "on Monday, the White House urged restraint.\n\n“We urge both sides to exercise restraint,” read the press release.",
        "White House", "organisation", id="organisation-the-document-named-last-not-an-earlier-one-of-that-name",
    ),
    pytest.param(
        "Police commissioner Charles Ramsey says the woman left the building and came back:\n\n“She drove through a "
        "barrier.\n\nShe had a gun.\n\nShe went to the third floor.\n\nShe shot two people there.\n\nA third was wounded.”",
        "Charles Ramsey", "colon", id="colon-a-quote-over-many-unmarked-lines",
    ),
    # ---- fourth round of issue 11: organisation speakers of every common shape, colon introductions and carried
    # speakers (sentences written here, not from the seeds nor from the benchmark's articles)
    pytest.param(
        '“Sales will recover next year,” Toyota Motor Corp. said on Tuesday.',
        'Toyota Motor Corp.', 'organisation', id='organisation-legal-suffix-with-a-full-stop',
    ),
    pytest.param(
        'General Motors cut 5,000 jobs on Tuesday.\n\n“Sales will recover next year,” the Detroit-based automaker said.',
        'General Motors', 'organisation', id='organisation-the-detroit-based-automaker',
    ),
    pytest.param(
        'Toyota recalled 2 million cars on Monday.\n\n“Safety is our priority,” the Japanese automaker said.',
        'Toyota', 'organisation', id='organisation-a-nationality-describes-the-company-named-before',
    ),
    pytest.param(
        'Apple shares fell.\n\n“We are disappointed,” the Cupertino, California-based company said.',
        'Apple', 'organisation', id='organisation-a-city-state-based-company',
    ),
    pytest.param(
        'Apple shares fell. “We are disappointed,” said the iPhone maker.',
        'Apple', 'organisation', id='organisation-the-maker-of-a-product',
    ),
    pytest.param(
        'Boeing delivered 40 jets in May.\n\n“We take safety seriously,” the planemaker said in a statement.',
        'Boeing', 'organisation', id='organisation-the-planemaker',
    ),
    pytest.param(
        'AMD bought SeaMicro on Wednesday.\n\n“We have agreed to merge,” the two companies said.',
        'AMD', 'organisation', id='organisation-the-two-companies',
    ),
    pytest.param(
        'Google was fined by the European Commission on Tuesday.\n\n“We will appeal,” the company said.',
        'Google', 'organisation', id='organisation-the-company-is-no-public-body',
    ),
    pytest.param(
        '“Thousands have fled,” the U.N. refugee agency said.',
        'U.N. refugee agency', 'organisation', id='organisation-a-body-of-an-organisation',
    ),
    pytest.param(
        'Dixon Hall runs shelters in Toronto.\n\n“We are full every night,” the charity said.',
        'Dixon Hall', 'organisation', id='organisation-tagged-as-a-person',
    ),
    pytest.param(
        '“We are saddened,” McMillan LLP said in a statement.',
        'McMillan LLP', 'organisation', id='organisation-a-law-firm-is-no-person',
    ),
    pytest.param(
        'Acme lost the case. The company called the report “misleading and wrong.”',
        'Acme', 'organisation', id='organisation-untagged-subject',
    ),
    pytest.param(
        '“Five people died,” state media reported.',
        'state media', 'organisation', id='organisation-state-media',
    ),
    pytest.param(
        '“Five people died,” Iranian state television reported.',
        'Iranian state television', 'organisation', id='organisation-state-television',
    ),
    pytest.param(
        'Lindsay Lohan checked into the Betty Ford Center.\n\n“She is doing well,” the center said.',
        'Betty Ford Center', 'organisation', id='organisation-the-center-is-no-person',
    ),
    pytest.param(
        "Manchester United sacked its manager. The Lakers lost again.\n\n“He will be missed,” said a statement posted on the team's website.",
        'Lakers', 'organisation', id='organisation-a-statement-posted-on-the-teams-website',
    ),
    pytest.param(
        'TMZ first broke the story.\n\n“She was not drunk,” the website reported.',
        'TMZ', 'organisation', id='organisation-the-website-that-broke-the-story',
    ),
    pytest.param(
        'People magazine first broke the story.\n\n“She is doing well,” the magazine reported.',
        'People magazine', 'organisation', id='organisation-an-untagged-magazine',
    ),
    pytest.param(
        'NATO met in Brussels.\n\n“The attack will not go unanswered,” the alliance said.',
        'NATO', 'organisation', id='organisation-the-alliance',
    ),
    pytest.param(
        'Unite called the strike on Monday.\n\n“Our members have had enough,” the union said.',
        'Unite', 'organisation', id='organisation-the-union',
    ),
    pytest.param(
        'The NFL suspended the player. The league called his conduct “unacceptable and dangerous to others.”',
        'NFL', 'organisation', id='organisation-the-league-fragment',
    ),
    pytest.param(
        'Kent Police arrested the man.\n\n“We have found the weapon,” the force said.',
        'Kent Police', 'organisation', id='organisation-the-force',
    ),
    pytest.param(
        'Police arrested the man on Friday.\n\n“He was carrying a knife,” they said.',
        'Police', 'pronoun', id='pronoun-they-police',
    ),
    pytest.param(
        'The Metropolitan Police arrested two men on Friday.\n\n“The suspects were armed,” police said.',
        'Metropolitan Police', 'organisation', id='organisation-police-named-before',
    ),
    pytest.param(
        '“The suspect fled on foot,” officials said.',
        None, 'cue', id='unnamed-officials-are-no-organisation',
    ),
    pytest.param(
        '“The suspect fled on foot,” a police spokesman said.',
        None, 'cue', id='unnamed-a-police-spokesman',
    ),
    pytest.param(
        '“There is no risk,” Shell spokesman Tom Reed said.',
        'Tom Reed', 'cue', id='cue-a-spokesman-of-an-organisation-is-a-person',
    ),
    pytest.param(
        '“This is unacceptable,” Chinese foreign ministry spokesman Qin Gang said.',
        'Qin Gang', 'cue', id='cue-a-ministry-spokesman-named',
    ),
    pytest.param(
        'Google lost the case on Monday.\n\nIn a statement, the company said:\n\n“We will appeal the ruling.”',
        'Google', 'organisation', id='colon-in-a-statement-the-company-said',
    ),
    pytest.param(
        'Toyota recalled 2 million cars on Monday. It said:\n\n“We apologise to our customers.”',
        'Toyota', 'pronoun', id='colon-it-said',
    ),
    pytest.param(
        'Nike issued the following statement:\n\n“We are proud of our athletes.”',
        'Nike', 'organisation', id='colon-issued-the-following-statement',
    ),
    pytest.param(
        'Nike lost the case. A company spokesman said:\n\n“We are proud of our athletes.”',
        None, 'colon', id='colon-an-unnamed-spokesman',
    ),
    pytest.param(
        'Kent Police said in a statement:\n\n“A man has been arrested.”',
        'Kent Police', 'organisation', id='colon-police-said-in-a-statement',
    ),
    pytest.param(
        'Rana Jamil runs the school.\n\nShe explained the program:\n\n“Every pupil gets a tablet.”',
        'Rana Jamil', 'pronoun', id='colon-pronoun-in-its-own-paragraph',
    ),
    pytest.param(
        'Toyota recalled 2 million cars on Monday.\n\n“Safety is our priority,” the company said in a statement.\n\nThe recall is the largest in its history.\n\n“We apologise to our customers.”',
        'Toyota', 'carried', id='carried-an-organisation-across-narration',
    ),
    pytest.param(
        '“We were scared,” said Lucy Grant, who lives next door.\n\nThe fire service arrived ten minutes later.\n\n“Then the lights went out.”',
        'Lucy Grant', 'carried', id='carried-across-a-paragraph-naming-nobody',
    ),
    pytest.param(
        '“We were scared,” said Lucy Grant, who lives next door.\n\nFire chief Dan Moss said crews arrived within minutes.\n\n“We got everyone out.”',
        'Dan Moss', 'carried', id='carried-stops-at-a-new-statement',
    ),
    pytest.param(
        '“I never expected a gift like this,” said Nvidia chief executive Jen-Hsun Huang.\n\nThe rival is “basically giving up, leaving us as the only independent graphics company.”',
        'Jen-Hsun Huang', 'carried', id='carried-a-fragment-after-a-quote',
    ),
    pytest.param(
        'Tom Hale visited Geneva with Lucy Grant.\n\n“I never expected a gift like this,” said Hale.\n\nThe rival is “basically giving up, leaving us as the only independent graphics company,” said Grant.',
        'Lucy Grant', 'cue', id='cue-a-fragment-with-its-own-cue',
    ),
    pytest.param(
        '“Whatever they say is baseless,” Sarah Collins said. “We are committed to peace,” he added.',
        None, 'pronoun', id='pronoun-the-speaker-just-before-has-the-other-gender',
    ),
    pytest.param(
        "Her publicist, Jack Reyes, confirmed the stay.\n\n“We ask for privacy,” he said.\n\nThe news surprised Vipers "
        "producer Matthew Olsen, who worked with the actress last year.\n\n“She was always professional,” he told reporters.",
        "Matthew Olsen", "pronoun", id="pronoun-a-person-introduced-with-who-moves-the-story-on",
    ),
    pytest.param(
        "The Red Cross protested at the “complete lack of access to the wounded.”",
        "Red Cross", "organisation", id="organisation-protested-at-a-fragment",
    ),
    pytest.param(
        "The union denounced the plan as “an attack on every worker in the country.”",
        None, "organisation", id="organisation-denounced-as",  # no union named: nobody
    ),
    pytest.param(
        "The statement, signed by Ann Kerr, read:\n\n“We will appeal.”",
        "Ann Kerr", "organisation", id="colon-a-statement-signed-by",
    ),
    pytest.param(
        "Ann Kerr met Tom Reed on Monday. Afterwards, Reed told reporters:\n\n“We heard two shots.”",
        "Tom Reed", "colon", id="colon-surname-after-a-phrase",
    ),
    pytest.param(
        "In a memo to staff seen by Reuters, Acme said:\n\n“We will cut 500 jobs.”",
        "Acme", "organisation", id="colon-an-organisation-after-a-phrase-naming-a-news-agency",
    ),
    pytest.param(
        "“We have repaired the roof,” said Ann Kerr.\n\nTom Reed, a parent, was less sure.\n\n“I will believe it when I see it.”",
        "Tom Reed", "carried", id="carried-the-narration-moved-on-to-someone-else",
    ),
    pytest.param(
        "Ann Kerr explained the plan:\n\n“We have repaired the roof.”\n\nThe school closed in March after a storm.\n\n"
        "“The children will be back on Monday.”",
        "Ann Kerr", "carried", id="carried-over-narration-naming-nobody",
    ),
    pytest.param(
        "Acme said in a statement that it would appeal.\n\n“The ruling ignores the facts.”\n\n“We are confident we will win.”",
        "Acme", "carried", id="carried-an-organisation-in-indirect-speech",
    ),
    pytest.param(
        "Her lawyer, Tom Reed, offered the explanation that “she was too tired and too sick to fight on.”",
        "Tom Reed", "cue", id="cue-offered-the-explanation-that",
    ),
    pytest.param(
        'His lawyer, Tom Reed, offered the explanation that "I think you get to a point - I think everyone does - where '
        'you are too tired to fight."',
        "Tom Reed", "cue", id="cue-explanation-that-a-full-quote-the-parser-hangs-apart",
    ),
    pytest.param(
        "Tom Reed rejected the argument that “the company had acted in good faith all along.”",
        None, None, id="cue-a-rejected-argument-is-somebody-elses",
    ),
    pytest.param(
        "The three men were “farmers who had fled their homes,” the aid official Ann Kerr said, adding that they thought "
        "“they would be safe in the school.”",
        "Ann Kerr", "cue", id="cue-what-they-thought-is-reported-by-the-speaker",
    ),
    pytest.param(
        "The European Commission welcomed the deal and in a reaction to the news European Commissioner for Trade "
        "Karin Ekdahl said “this is a good day for open markets.”",
        "Karin Ekdahl", "cue", id="cue-a-name-right-before-a-conjoined-verb-is-its-subject",
    ),
    pytest.param(
        "The league thanked the fans and the coach Mark Hale said “we owe them this win.”",
        "Mark Hale", "cue", id="cue-a-name-right-before-a-conjoined-verb-after-and",
    ),
    pytest.param(
        "Oil prices fell again on Tuesday. “Nobody wants to hold crude right now,” said Uralsib analyst Chris Morgan "
        "commenting on the slide.",
        "Chris Morgan", "cue", id="cue-inverted-said-then-a-participle",
    ),
    pytest.param(
        "Bond yields rose. “The market has priced in two more hikes,” said Lena Fischer explaining the move.",
        "Lena Fischer", "cue", id="cue-inverted-said-then-a-participle-named-alone",
    ),
    pytest.param(
        "“Our thoughts are with the families,” Kraft, which employs 500 people at the plant, said.",
        "Kraft", "organisation", id="organisation-with-a-relative-clause-before-its-cue",
    ),
    pytest.param(
        "The plant belongs to Kraft. Irene Rosen, its chief executive, visited on Monday.\n\n"
        "“Our thoughts are with the families,” the company said.",
        "Kraft", "organisation", id="organisation-the-company-an-object-named",
    ),
    pytest.param(
        "The plant belongs to Kraft. Irene Rosen, its chief executive, visited on Monday.\n\n"
        "“Our thoughts are with the families,” it said.",
        "Kraft", "pronoun", id="pronoun-it-the-company-not-its-chief",
    ),
    pytest.param(
        "“We are shocked,” Kraft's chief executive said.",
        None, "cue", id="unnamed-chief-of-an-organisation-is-no-organisation",
    ),
    pytest.param(
        "Northwind Airlines cancelled 300 flights. “We apologise,” the carrier said.\n\nThe union representing "
        "Northwind's pilots, Balpa, blamed the cuts.\n\n“This was entirely avoidable,” the union said.",
        "Balpa", "organisation", id="organisation-the-name-given-in-apposition-whatever-the-tagger-says",
    ),
    pytest.param(
        "Maria Santos slept on the terminal floor.\n\nIn a statement, the airport said: “We are helping stranded passengers.”",
        None, "organisation", id="organisation-a-place-that-speaks-is-no-epithet-of-a-person",  # no airport named
    ),
    pytest.param(
        "AMD bought SeaMicro. “We regret this,” the Sunnyvale, Calif. - based company said.",
        "AMD", "organisation", id="organisation-a-state-abbreviation-ends-no-sentence",
    ),
    pytest.param(
        "Kraft Foods cut 500 jobs. “We regret this,” the company ’ s statement said.",
        "Kraft Foods", "organisation", id="organisation-the-companys-statement-with-a-spaced-apostrophe",
    ),
    # ---- organisation speakers, fifth round: a noun resolves to an organisation of its kind named before; a
    # noun with no such organisation names nobody (guidelines: the article names nobody), "police" excepted
    pytest.param(
        "The Federal Aviation Administration grounded 40 jets on Monday.\n\n“Safety comes first,” the agency said.",
        "Federal Aviation Administration", "organisation", id="organisation-the-agency-is-the-public-body-named",
    ),
    pytest.param(
        "Boeing delivered the jets in March. The Federal Aviation Administration grounded them on Monday.\n\n"
        "“Safety comes first,” the agency said in a statement.",
        "Federal Aviation Administration", "organisation", id="organisation-the-agency-after-a-company",
    ),
    pytest.param(
        "The Ministry of Defence confirmed the crash on Monday.\n\n“Two crew members were rescued,” the department said.",
        "Ministry of Defence", "organisation", id="organisation-the-department-is-the-ministry-named",
    ),
    pytest.param(
        "Acme Motors recalled 9,000 cars. The Transport Ministry opened an inquiry.\n\n“We are cooperating fully,” the "
        "company said.",
        "Acme Motors", "organisation", id="organisation-the-company-past-a-ministry",
    ),
    pytest.param(
        "The Federal Aviation Administration (FAA) grounded 40 jets on Monday.\n\n“Safety comes first,” FAA said.",
        "Federal Aviation Administration (FAA)", "organisation", id="organisation-an-acronym-the-article-defines",
    ),
    pytest.param(
        "The Centers for Disease Control and Prevention (CDC) issued a warning.\n\n“The risk is low,” the CDC said.",
        "Centers for Disease Control and Prevention (CDC)", "organisation", id="organisation-an-acronym-of-some-initials",
    ),
    pytest.param(
        "The Los Angeles Police Department arrested the man on Friday.\n\n“He was carrying a knife,” police said.",
        "Los Angeles Police Department", "organisation", id="organisation-police-is-the-force-named",
    ),
    pytest.param(
        "The man was arrested on Friday.\n\n“He was carrying a knife,” police said.",
        "police", "organisation", id="organisation-police-with-no-force-named",
    ),
    pytest.param(
        "The storm cut power to 9,000 homes.\n\n“Crews are working through the night,” the company said.",
        None, "organisation", id="organisation-the-company-with-none-named-names-nobody",
    ),
    pytest.param(
        "The storm cut power to 9,000 homes.\n\n“Crews are working through the night,” officials said.",
        None, "cue", id="organisation-officials-name-nobody",
    ),
    pytest.param(
        "The Transport Ministry closed the bridge.\n\n“It will reopen on Monday,” the ministry's spokesman said.",
        None, "description", id="organisation-an-unnamed-spokesman-of-the-ministry",
    ),
    pytest.param(
        "The Transport Ministry closed the bridge.\n\n“It will reopen on Monday,” a statement from the ministry said.",
        "Transport Ministry", "organisation", id="organisation-a-statement-from-the-ministry-named",
    ),
    pytest.param(
        "The UN, which runs the school, said it was “deeply shocked by the attack.”",
        "UN", "organisation", id="organisation-with-a-relative-clause",
    ),
    pytest.param(
        "The Transport Ministry closed the bridge. According to the ministry, the repairs will take “at least six weeks.”",
        "Transport Ministry", "organisation", id="organisation-according-to-the-ministry",
    ),
    pytest.param(
        "The Treasury described the plan in a press release on Monday. It said that “the fund will be insured for a year.”",
        "Treasury", "pronoun", id="pronoun-it-is-the-subject-before",
    ),
    pytest.param(
        "The NASDAQ index rose by 2 percent. The US Treasury described the plan in a press release on Monday. It said that "
        "“the fund will be insured for a year.”",
        "US Treasury", "pronoun", id="pronoun-it-is-the-untagged-subject-before-not-an-earlier-organisation",
    ),
    pytest.param(
        "Acme Corp. posted a loss on Monday.\n\n“We expect a better year,” a statement reads.",
        "Acme Corp.", "organisation", id="organisation-a-statement-reads-after-the-company",
    ),
    pytest.param(
        "Governor Ann Reed did not attend the service.\n\n“The governor is saddened by the fire,” her office said.",
        "Ann Reed's office", "organisation", id="organisation-her-office-is-the-persons",
    ),
    pytest.param(
        "“Two boats were seized,” the navy said in a statement.\n\nThe Indian navy has patrolled the gulf since October.",
        "Indian navy", "organisation", id="organisation-the-navy-named-only-later",
    ),
    pytest.param(
        "The ministry of health said the vaccine was safe. “There is no cause for alarm,” it said.",
        "ministry of health", "pronoun", id="pronoun-it-a-ministry-named-by-what-it-is-of",
    ),
    pytest.param(
        "The club confirmed the signing on its website.\n\n“We are delighted,” the statement read.",
        None, "organisation", id="organisation-a-statement-of-a-club-never-named",
    ),
    # ---- round 7 (dev errors on organisation speakers and quotes that name nobody; sentences written here)
    pytest.param(
        "In 2019 Dale Hutton pushed his wife down the stairs and told her, “Nobody will believe you,” the Gazette reported.",
        "Dale Hutton", "cue", id="cue-told-her-before-the-quote-not-the-outlet-reporting-it",
    ),
    pytest.param(
        "Gomez grabbed her arm, then told her, “You will never see him again,” the newspaper reported.",
        "Gomez", "cue", id="cue-a-second-verb-hung-as-dep-before-the-quote",
    ),
    pytest.param(
        "In 2017 Hutton was convicted of burning his neighbour's shed and telling him, “You had it coming,” according "
        "to court records.",
        "Hutton", "cue", id="cue-telling-him-before-the-quote-not-the-records",
    ),
    pytest.param(
        "The Post reported that someone familiar with the case said her recovery has had “good weeks and bad weeks” lately.",
        None, "cue", id="cue-someone-familiar-speaks-unnamed-not-the-outlet",
    ),
    pytest.param(
        "Spending on such \"hyperscale data centers\" is expected to grow 30 percent a year for the next several "
        "years, Oracle said, faster than the server market as a whole.",
        "Oracle", "organisation", id="organisation-said-after-the-clause-of-a-fragment",
    ),
    pytest.param(
        "Although the toll is unknown, Channel Four estimates \"at least 40 people, \"and many roads were cut.",
        "Channel Four", "organisation", id="organisation-estimates-read-as-a-noun",
    ),
    pytest.param(
        "Flood damage was worst along the river, and the Daily Courier estimates“at least 300 homes” were hit.",
        "Daily Courier", "organisation", id="organisation-estimates-with-no-space-before-the-mark",
    ),
    pytest.param(
        "The prosecutor in the Delgado case argued that Hernandez was “a careful planner who left nothing to chance.”",
        None, "description", id="description-a-name-of-the-case-is-not-the-prosecutor",
    ),
    pytest.param(
        "“Nobody is above the rules,” said RCMP Sgt. Paul Brennan.",
        "Paul Brennan", "cue", id="cue-a-title-abbreviation-the-sentence-splitter-cut",
    ),
    pytest.param(
        "Ruiz was arrested in May.\n\nWhere Ruiz found the money is not explained in the indictment against her, but it "
        "says she set up a scheme \"to hide the losses from the bank.\"",
        None, "pronoun", id="pronoun-it-after-an-indictment-names-nobody",
    ),
    pytest.param(
        "Nexa filed its annual report on Friday, and it says the plant will make “at least 40,000 cars a year.”",
        "Nexa", "pronoun", id="pronoun-it-after-a-report-is-its-issuer",
    ),
    pytest.param(
        "Her brother Luis, a priest, told reporters she was ill.\n\n\"Maria?\n\nShe is the queen of this house!\"\n\n"
        "his mother told columnist Ann Reyes.",
        None, "description", id="description-the-cue-on-the-next-line-not-the-speaker-before",
    ),
    pytest.param(
        "Nvidia bought the startup for its chips. Keller wouldn't say when Intel and Nvidia began talks but said the "
        "deal came about \"unusually quickly. \"",
        "Keller", "cue", id="cue-but-said-after-a-wh-clause-is-the-outer-verbs",
    ),
    pytest.param(
        "Samsung today launched the Q5 phone in Berlin. The Q5 is claimed to be “the fastest phone ever made” as stated "
        "on the Samsung website.",
        "Samsung", "organisation", id="organisation-as-stated-on-its-website",
    ),
    pytest.param(
        "“A sequel is coming, and it will be darker,” Variety's “Film Desk” is reporting.",
        "Variety", "cue", id="cue-a-column-in-marks-speaks-for-its-owner",
    ),
    pytest.param(
        "“The pool is closed until further notice,” Oregon Department of Parks and Recreation deputy director Helen "
        "Marsh told The Oregonian.",
        "Helen Marsh", "cue", id="cue-the-name-ending-the-subject-not-its-department",
    ),
    pytest.param(
        "Tesla cut prices again, Reuters reported. “We will appeal,” the company told Reuters.",
        "Tesla", "organisation", id="organisation-the-company-is-not-the-agency-it-told",
    ),
    pytest.param(
        "“We will vote against the bill,” the Conservatives said.",
        "Conservatives", "organisation", id="organisation-a-party-by-its-plural-name",
    ),
    pytest.param(
        "A report by Human Rights Watch found that the camps were “severely overcrowded.”",
        "Human Rights Watch", "organisation", id="organisation-a-report-found-is-its-authors",
    ),
    pytest.param(
        "A new study found that the drug was “no better than a placebo.”",
        None, "organisation", id="organisation-a-study-of-nobody-named",
    ),
    pytest.param(
        "The Vatican said the Pope was “in good spirits.”",
        "Vatican", "organisation", id="organisation-an-institution-tagged-as-a-building",
    ),
    pytest.param(
        "“The plane landed safely,” the airline said in a statement. Southwest Airlines did not say how many people were "
        "aboard.",
        "Southwest Airlines", "organisation", id="organisation-the-airline-named-only-later",
    ),
    pytest.param(
        "Regulators fined Zalando on Monday over its pricing. “We will appeal,” the company said.",
        "Zalando", "organisation", id="organisation-the-company-an-untagged-name-as-object-before",
    ),
    pytest.param(
        "The gunman walked into the lobby, where a guard who saw him had yelled, “Get down, he has a rifle!” Sgt. Omar "
        "Diaz said.",
        None, "cue", id="cue-yelled-before-the-quote-not-the-officer-reporting-it",
    ),
    pytest.param(
        "Mayor Tom Hale spoke first. “We will rebuild,” he said.\n\nOutside, protesters chanted “Shame on the mayor!” as "
        "he left.",
        None, "cue", id="cue-protesters-chanted-name-nobody",
    ),
    pytest.param(
        "“The actor is resting comfortably,” People reported.",
        "People", "organisation", id="organisation-a-capitalised-common-noun-is-a-name",
    ),
    pytest.param(
        "People magazine reported that the actor was “resting comfortably.”",
        "People magazine", "organisation", id="organisation-a-capitalised-word-before-magazine",
    ),
    pytest.param(
        "A statement on the band's website said the drummer had left “to spend more time with his family.”",
        None, "organisation", id="organisation-the-website-of-a-band-never-named",
    ),
    pytest.param(
        "The ship was escorted to port, according to a statement from the Indian government. Marines seized “a large "
        "cache of rifles,” the statement said.",
        "Indian government", "organisation", id="organisation-the-statement-of-a-government-named-by-nationality",
    ),
    pytest.param(
        "Advanced Micro Devices bought the startup for $334 million. “This gives us a new market,” AMD said.",
        "Advanced Micro Devices (AMD)", "organisation", id="organisation-an-acronym-of-a-name-given-before-undefined",
    ),
    pytest.param(
        "Per Variety, the talks with the director are “delicate,” but a deal could close soon.",
        "Variety", "cue", id="cue-per-is-according-to",
    ),
    pytest.param(
        "Detectives said the attack was “targeted.”",
        None, "cue", id="cue-detectives-tagged-as-an-organisation-are-people-unnamed",
    ),
    pytest.param(
        "The man was arrested on Friday, according to police, who said he was “armed and dangerous.”",
        "police", "organisation", id="organisation-police-who-said-after-according-to",
    ),
    pytest.param(
        "The Wadi Town Council said 40 houses flooded.\n\n“The attackers fled towards the border,” an army statement said.",
        None, "organisation", id="organisation-an-army-statement-with-no-army-named",
    ),
    pytest.param(
        "The UN refugee agency, UNHCR, said the camp was “overcrowded.”",
        "UNHCR", "organisation", id="organisation-the-name-set-off-by-commas-after-the-agency",
    ),
    pytest.param(
        "Nadia Hale, a spokeswoman for the city, said the roads were closed.\n\nThe city said crews were “working around "
        "the clock.”",
        None, "description", id="description-the-city-is-not-its-spokeswoman",
    ),
    pytest.param(
        "According to cnn.com, the talks were “close to collapse.”",
        "cnn.com", "organisation", id="organisation-according-to-a-website-address",
    ),
    pytest.param(
        "According to a BT update, engineers were “working to restore service as quickly as possible.”",
        "BT", "organisation", id="organisation-according-to-an-update-of-a-company",
    ),
    # ---- round 8: salience and gender from the structure of the narration
    pytest.param(
        "Tom Hale, who runs the club, is sure that the fans will agree that Peter Reid is the right choice.\n\n"
        "“He is the best man we could find,” he said.",
        "Tom Hale", "pronoun", id="pronoun-a-main-clause-subject-before-a-subject-of-a-that-clause",
    ),
    pytest.param(
        "“We are all shocked,” Mr Paul Mann said.\n\nA teacher at the village school, Yanis Ngata, did not go to work "
        "on Monday. But he rode his bicycle into the town.\n\n“The streets were empty,” he said.",
        "Yanis Ngata", "pronoun", id="pronoun-a-new-subject-whose-gender-the-next-sentence-gives",
    ),
    pytest.param(
        "“We are all shocked,” Mr Paul Mann said.\n\nA nurse at the clinic, Ngozi Adeyemi, worked through the night. "
        "She drove home at dawn.\n\n“We ran out of beds,” she said.",
        "Ngozi Adeyemi", "pronoun", id="pronoun-she-continues-the-subject-of-the-sentence-before",
    ),
    pytest.param(
        "Detective Omar Vance questioned the suspect. “I don't feel anything,” she said, according to the record.",
        None, "pronoun", id="pronoun-gender-not-taken-from-a-quote-speaker-in-the-next-sentence",
    ),
    pytest.param(
        "Steven Moffat said the actor had been cast after a secret audition at his house.\n\n“We made a home video "
        "of him playing the hero and everyone agreed that he was right.\n\nThe series returns at Christmas.",
        "Steven Moffat", "carried", id="carried-a-quote-paragraph-whose-closing-mark-is-missing",
    ),
    pytest.param(
        "Mark Devine represents the two families.\n\nAt the hearing, the families “heard for the first time some "
        "answers to their questions,” Devine said.",
        "Mark Devine", "cue", id="cue-the-name-before-the-verb-not-the-subject-of-the-fragment",
    ),
    pytest.param(
        "Colleagues of Daniel Ortiz, known as Danny, have called him “the most generous man in the building.”",
        None, "cue", id="cue-colleagues-of-a-person-are-nobody-named",
    ),
    pytest.param(
        "Fire crews fought the blaze at the chapel for six hours.\n\n“We still do not know how it started,” the Rev.\n\n"
        "Jonah Whitfield of the Riverside Chapel said on Sunday.",
        "Jonah Whitfield", "cue", id="cue-on-the-next-line-after-a-title-cut-at-its-full-stop",
    ),
    pytest.param(
        "Ruth Okafor said she was not at the mill when the roof fell and would not discuss what any of the workers had "
        "told her.\n\n“They all got out in time.”",
        "Ruth Okafor", "carried", id="carried-not-to-somebody-in-a-what-clause",
    ),
    pytest.param(
        "Senator Alice Moreno released a statement on Friday and offered an apology to the families “if anything I said "
        "caused them more pain.”",
        "Alice Moreno", "cue", id="cue-a-fragment-after-an-apology-offered",
    ),
    pytest.param(
        "Governor Dan Price issued a statement on Friday condemning “the cowardly attack on our officers.”",
        "Dan Price", "cue", id="cue-a-fragment-in-the-clause-of-a-statement-issued",
    ),
    pytest.param(
        "Tesla shares fell 5 percent on Monday.\n\n“We are confident in our plan,” the carmaker said.",
        "Tesla", "organisation", id="organisation-the-carmaker-named-before-its-shares",
    ),
    pytest.param(
        "The Supreme Court ruled on Friday that the law was “plainly unconstitutional.”",
        "Supreme Court", "organisation", id="organisation-a-court-ruled",
    ),
    pytest.param(
        "The ruling was welcomed by Oxfam, which called it “a victory for the poor.”",
        "Oxfam", "organisation", id="organisation-which-called-it-right-before-the-fragment",
    ),
    pytest.param(
        "Fifa banned the player for life. The world governing body said his conduct was “unacceptable.”",
        "Fifa", "organisation", id="organisation-the-governing-body-named-before",
    ),
    pytest.param(
        "The Federal Reserve raised rates on Wednesday. In its statement, the Fed said inflation was “still elevated.”",
        "Federal Reserve", "organisation", id="organisation-a-clipped-name-the-fed",
    ),
    pytest.param(
        "“We were lucky,” said Anna Berg, a nurse.\n\nThe fire started at 3 a.m., fire officials said.\n\n"
        "“I grabbed the kids and ran.”",
        "Anna Berg", "carried", id="carried-a-quote-in-the-first-person-singular-skips-a-group",
    ),
    pytest.param(
        "“We were lucky,” said Anna Berg, a nurse.\n\nThe fire started at 3 a.m., fire officials said.\n\n"
        "“We had 40 crews on the scene.”",
        None, "carried", id="carried-a-quote-in-the-plural-goes-on-with-the-group",
    ),
    pytest.param(
        "Gov. Andrew Cuomo and Mayor Bill de Blasio toured the site. “This is unacceptable,” Cuomo said.\n\n"
        "De Blasio disagreed. “The city acted quickly,” he said.",
        "Bill de Blasio", "pronoun", id="pronoun-a-surname-of-two-words-is-the-full-name-and-its-gender",
    ),
    pytest.param(
        "The company behind the app, ByteDance, said it was “committed to the safety of its users.”",
        "ByteDance", "organisation", id="organisation-named-by-commas-right-before-the-verb",
    ),
    pytest.param(
        "Hundreds marched through the city on Saturday.\n\n“The fight is not over.” — Jane Smith, campaigner",
        "Jane Smith", "cue", id="cue-credited-after-a-dash-with-a-role",
    ),
    pytest.param(
        "Russia: “We will respond to any attack”\n\nMoscow warned the alliance on Friday.",
        "Russia", "organisation", id="colon-a-headline-label-of-a-state",
    ),
    pytest.param(
        # the army, never named, is "army" as written since round 16 (as "police"; was nobody)
        "Human Rights Watch accused the army of abuses. The army denied it.\n\n“These claims are false,” it said.",
        "army", "pronoun", id="pronoun-it-the-body-that-spoke-last-though-never-named-not-an-earlier-one",
    ),
    pytest.param(
        "Kim Jong Un said North Korea would “never give up” its weapons, state media reported.",
        "Kim Jong Un", "cue", id="cue-the-verb-before-a-fragment-not-the-outlet-reporting-after-it",
    ),
    pytest.param(
        "Karen Webb, 61, said the water rose fast. Her husband, Tom, was at work.\n\n“I called him at once.”",
        "Karen Webb", "carried", id="carried-not-to-the-person-the-quote-speaks-of",
    ),
    pytest.param(
        "Karen Webb, 61, said the water rose fast. Her husband, Tom Webb, was at work.\n\n“I drove home at once.”",
        "Tom Webb", "carried", id="carried-to-the-person-the-narration-moved-on-to",
    ),
    pytest.param(
        "Tom Reed was arrested on Monday.\n\nA source close to Reed said he was “in shock.”",
        None, "cue", id="cue-a-source-close-to-a-person-is-nobody-named",
    ),
    # ---- none: words nobody is said to say
    pytest.param(
        "Mayor Tom Hale spoke first. “We will rebuild,” he said.\n\nA sign on the door read: “Closed until further notice.”",
        None, "organisation", id="none-a-sign-read-is-nobodys-not-the-speaker-before",
    ),
    pytest.param(
        "Mayor Tom Hale spoke first. “We will rebuild,” he said.\n\nThe graffiti on the wall said “Go home.”",
        None, "organisation", id="none-graffiti-said-is-no-epithet-of-the-mayor",
    ),
    pytest.param(
        "“Where were you when we needed you?”\n\nThat was the question on every placard outside the town hall on Monday, "
        "where Mayor Tom Hale met the flood victims.",
        None, None, id="none-an-opening-quote-with-no-attribution",
    ),
    pytest.param(
        "Mark Ruiz arrived at the stadium on Monday. “I love it here,” Ruiz said.\n\nThe banner behind him carried a "
        "simple message.\n\n“Welcome home.”",
        None, None, id="none-the-words-of-a-banner-are-not-carried-to-the-speaker-before",
    ),
    # ---- round 9: genders, inverted organisation cues, documents and nouns of speech
    pytest.param(
        "Sarah Collins spoke to the board on Monday. Peter Grant answered her questions.\n\n“I will stay,” she said.",
        "Sarah Collins", "pronoun", id="pronoun-a-possessive-near-a-man-does-not-make-him-a-woman",
    ),
    pytest.param(
        "Peter Grant spoke to the board on Monday. Sarah Collins praised him warmly.\n\n“I will stay,” he said.",
        "Peter Grant", "pronoun", id="pronoun-an-object-pronoun-is-not-the-subjects",
    ),
    pytest.param(
        "Ruth Adler met the minister, Paul Stone, on Monday. Stone promised more staff.\n\nBut she was not "
        "convinced: “We have heard this before.”",
        "Ruth Adler", "pronoun", id="pronoun-the-next-subject-is-not-the-last-named-man-when-a-woman-was-named",
    ),
    pytest.param(
        "Ruth Adler met the minister, Paul Stone, on Monday. Adler asked for more staff.\n\nHe replied: “We will send "
        "ten nurses next week.”",
        "Paul Stone", "pronoun", id="pronoun-he-is-not-the-last-named-woman-when-a-man-was-named",
    ),
    pytest.param(
        "Central bank governor Anton Weber warned that the slump could spread. “I understand the anger,” Weber said."
        "\n\nBut Greeks must also understand that without these cuts, “the damage would be far worse,” he said.",
        "Anton Weber", "pronoun", id="pronoun-he-is-no-people-named-by-a-plural",
    ),
    pytest.param(
        "Fuel duty rose by two pence on Monday. The Automobile Association (AA) opposed the rise.\n\nThe likely "
        "outcome will be “higher prices” for drivers, argued the AA.",
        "Automobile Association (AA)", "organisation", id="organisation-inverted-cue-after-a-fragment",
    ),
    pytest.param(
        "The union Unite called the offer “an insult to every worker.”",
        "Unite", "organisation", id="organisation-named-after-its-noun",
    ),
    pytest.param(
        "Lena Ortiz issued a memorandum that orders a review of whether the new rule promotes “the purposes of the "
        "clean water law.”",
        "Lena Ortiz", "cue", id="cue-a-memorandum-she-issued",
    ),
    pytest.param(
        "President Ana Lima spoke at the dam on Monday. The presidential memorandum issued on Monday tells agencies to "
        "stop the work.\n\nIn the meantime, according to the memorandum, officials should “keep every record.”",
        "Ana Lima", "organisation", id="organisation-the-presidential-memorandum-is-the-presidents",
    ),
    pytest.param(
        "Lena Ortiz barely spoke in court, only offering a “Thank you, your honour,” phrase as her closing statement.",
        "Lena Ortiz", "cue", id="cue-a-phrase-she-offered",
    ),
    pytest.param(
        "Atlas Mining said on Monday that it would close the mine. “The decision was not taken lightly,” the company "
        "said.",
        "Atlas Mining", "organisation", id="organisation-a-firm-named-by-its-trade-tagged-as-a-person",
    ),
    pytest.param(
        "“We did not expect this,” said Nina Hollis, the head teacher.\n\nParents gathered at the gate on Friday. "
        "Many were angry.\n\n“Nobody told us anything.”",
        None, None, id="none-a-quote-after-narration-about-a-group-is-one-of-them",
    ),
    pytest.param(
        "“We did not expect this,” said Nina Hollis, the head teacher.\n\nThe school will stay closed until Monday."
        "\n\n“The children need time.”",
        "Nina Hollis", "carried", id="carried-after-narration-about-a-thing",
    ),
    pytest.param(
        "“We back the students,” the Riverside Tenants Association said on Monday.\n\nStudents at Granford "
        "University staged a sit-in on Tuesday over what the institution called “a regrettable misunderstanding.”",
        "Granford University", "organisation", id="organisation-the-institution-named-in-its-sentence-not-the-last-to-speak",
    ),
    pytest.param(
        "The Norbridge Heritage Trust bought the mill in 2019. The trust said the sale had been “rushed through "
        "without consultation.”",
        "Norbridge Heritage Trust", "organisation", id="organisation-the-trust-named-before",
    ),
    pytest.param(
        "Clearwater Alliance, a nonprofit, said the dam would flood three villages. “The plan must be stopped,” the "
        "group said.",
        "Clearwater Alliance", "organisation", id="organisation-a-name-an-apposition-calls-an-organisation",
    ),
    pytest.param(
        "Harlow Foods, a supermarket chain, said profits fell. “Trading was tough,” the retailer said.",
        "Harlow Foods", "organisation", id="organisation-an-untagged-name-an-apposition-calls-a-company",
    ),
    # ---- round 11: an office of its own, a one-word name in a job, manner verbs, parenthetical cues
    pytest.param(
        "A warehouse owned by Mayor Linda Park burned down on Sunday. The fire chief said the blaze was “clearly "
        "deliberate.”",
        None, "description", id="description-an-office-nobody-was-given-names-nobody",
    ),
    pytest.param(
        "Governor Tom Reyes visited the port on Friday.\n\n“The damage is worse than we feared,” the harbour master "
        "said.",
        None, "description", id="description-the-harbour-master-is-not-the-governor",
    ),
    pytest.param(
        "Fire Chief Dan Moreno inspected the site. The fire chief said the blaze was “clearly deliberate.”",
        "Dan Moreno", "description", id="description-an-office-given-to-a-person",
    ),
    pytest.param(
        "Jorge Silva scored twice on Saturday. “The team played well,” the veteran striker said.",
        "Jorge Silva", "description", id="description-an-epithet-with-a-noun-before-it-for-a-person-given-no-office",
    ),
    pytest.param(
        "The singer Amy Lowe cancelled her tour on Monday. “I need to rest,” the star said.",
        "Amy Lowe", "description", id="description-an-epithet-still-means-the-person-of-the-story",
    ),
    pytest.param(
        "Four people had so far been confirmed dead in the landslide, Marzuki, an official from the provincial "
        "rescue agency, told Reuters late Monday.\n\n“A truck was buried under the slope,” he said.",
        "Marzuki", "pronoun", id="pronoun-a-one-word-name-set-off-in-a-job-tagged-as-a-place",
    ),
    pytest.param(
        "Marzuki, an official from the provincial rescue agency, told Reuters that four people had died.\n\n“A "
        "truck was buried under the slope,” he said.",
        "Marzuki", "pronoun", id="pronoun-a-one-word-name-set-off-in-a-job-left-untagged",
    ),
    pytest.param(
        "Britain, a member of the Security Council, said the vote was premature.\n\n“We were not consulted,” he "
        "said.",
        None, "pronoun", id="pronoun-a-place-set-off-as-a-member-is-nobody-he-means",
    ),
    pytest.param(
        "Economist Rita Hahn said growth would slow. “Consumers are tired,” she said. Analyst Peter Cole disagreed "
        "strongly with her. “The data is better than it looks.”",
        "Peter Cole", "carried", id="carried-to-the-subject-the-narration-moved-on-to-in-the-same-paragraph",
    ),
    pytest.param(
        "Economist Rita Hahn said growth would slow. “Consumers are tired,” she said. “They are saving again.”",
        "Rita Hahn", "carried", id="carried-interrupted-by-her-own-cue",
    ),
    pytest.param(
        "The new coach was named on Monday. “Is this a joke?” asked one supporter.",
        None, "cue", id="cue-an-unnamed-person-after-an-inverted-cue-the-parser-made-an-object",
    ),
    pytest.param(
        "Airline chief Sean O' Brien announced the order on Monday. “These planes will save fuel,” O' Brien said.",
        "Sean O' Brien", "cue", id="cue-a-surname-after-an-apostrophe-a-tokenised-text-set-apart",
    ),
    pytest.param(
        "Airline chief Sean O' Brien announced the order on Monday.\n\n“These planes will save fuel,” he said.",
        "Sean O' Brien", "pronoun", id="pronoun-to-a-surname-after-a-spaced-apostrophe",
    ),
    pytest.param(
        "The new coach was named on Monday.\n\n“Who?” asked fans entirely reasonably.",
        None, "cue", id="cue-a-one-word-question-before-its-cue-is-said-not-a-name",
    ),
    pytest.param(
        "“We will not back down!” Mayor Sandra Ortega thundered at the council meeting.",
        "Sandra Ortega", "cue", id="cue-a-manner-of-speaking-verb",
    ),
    pytest.param(
        "Minister Karl Weiss said the plan was sound. But, he said, voters must also accept that without cuts “the "
        "deficit would keep growing.”",
        "Karl Weiss", "pronoun", id="pronoun-a-parenthetical-cue-before-a-fragment",
    ),
    pytest.param(
        "Minister Karl Weiss met the unions on Monday. Voters, he said, must accept that without cuts “the deficit "
        "would keep growing.”",
        "Karl Weiss", "pronoun", id="pronoun-a-parenthetical-cue-after-the-subject",
    ),
    # ---- round 13: organisation, document and description shapes that failed on fresh text
    pytest.param(
        "The High Court of Justice heard the appeal in March.\n\nThe court found that the council had acted “in clear "
        "breach of its duties” when it closed the library.",
        "High Court of Justice", "organisation", id="organisation-a-court-finds",
    ),
    pytest.param(
        "Judge Helen Marr sentenced the driver on Friday. The judge found him “entirely without remorse.”",
        "Helen Marr", "description", id="description-a-judge-finds",
    ),
    pytest.param(
        "Rescuers reached the village at dawn. An internal review by an outside consultant described the response as "
        "slow.\n\n“Teams waited six hours for orders. Nobody was in charge,” it stated.",
        None, "pronoun", id="pronoun-it-is-the-document-subject-of-the-narration-before",
    ),
    pytest.param(
        "“The plant will not reopen,” the governor of the province said on Friday.\n\nGovernor Paolo Renzi added that "
        "the workers would be retrained.",
        "Paolo Renzi", "description", id="description-named-in-the-next-sentence",
    ),
    pytest.param(
        "“Nobody asked us,” the mayor said.\n\nThe council met on Monday. Mayor Tom Briggs was not there.",
        None, "description", id="description-not-named-in-the-next-sentence-stays-unnamed",
    ),
    pytest.param(
        "Senator Maria Costa's rival launched an attack ad on Monday. Costa's campaign responded within hours, saying the "
        "ad was “a desperate distortion of her record.”",
        "Maria Costa's campaign", "organisation", id="organisation-a-named-persons-campaign",
    ),
    pytest.param(
        "Prime Minister Lena Holm arrived in Brussels on Sunday.\n\n“The talks will be difficult,” said a statement "
        "from the prime minister's office.",
        "Lena Holm's office", "organisation", id="organisation-the-office-of-a-role",
    ),
    pytest.param(
        "Fighting continued near the border overnight.\n\nThe crossing will stay closed “until further notice,” the "
        "defence ministry said.",
        "defence ministry", "organisation", id="organisation-a-ministry-by-its-kind-none-named-before",
    ),
    pytest.param(
        "The quiz show was cancelled in May. Screen Monthly, which named her “the worst host on television this "
        "year,” ran the story on its front page.",
        "Screen Monthly", "organisation", id="organisation-in-a-relative-clause-with-a-verb-of-naming",
    ),
    pytest.param(
        "The pub has stood on the corner since 1870.\n\n“We will miss our regulars more than anything,” the Crooked "
        "Billet said on Friday.",
        "Crooked Billet", "organisation", id="organisation-a-name-with-the-before-it-is-no-person",
    ),
    pytest.param(
        "Three cars were damaged in the crash.\n\n“Nobody was seriously hurt,” the Chief Constable said.",
        None, "description", id="description-an-office-in-capitals-is-no-name",
    ),
    pytest.param(
        "The tape was found by Lee Hollis, a Texas Ranger. It holds the voices of Mark Dunn and a young woman.\n\n"
        "Dunn says, \"Sit down.\" When she says something, he responds, \"Do not talk now.\"",
        "Mark Dunn", "pronoun", id="pronoun-he-is-not-whoever-she-was-taken-for",
    ),
    pytest.param(
        "Farmers had asked for the change for years.\n\n\"With this decision we are making sure that small farms can "
        "compete with the big ones\" and that prices stay fair for every family in the region, said Agriculture "
        "Minister Rosa Albers.",
        "Rosa Albers", "cue", id="cue-after-the-quote-past-more-narration-governs-it",
    ),
    pytest.param(
        "The Harbour Workers Union issued a statement on Monday, saying the port authority has refused every offer and "
        "calling the proposal \"an insult to our members.\"",
        "Harbour Workers Union", "organisation", id="organisation-calling-goes-with-saying-not-the-reported-clause",
    ),
    pytest.param(
        "Two climbers were flown to St Luke's Hospital on Saturday.\n\n“Both are recovering well,” the hospital "
        "said.",
        "St Luke's Hospital", "organisation", id="organisation-a-name-ending-in-the-noun-whatever-its-tag",
    ),
    pytest.param(
        "According to the Riverside Playhouse's website, the show has been “cancelled for the rest of the season.”",
        "Riverside Playhouse", "organisation", id="organisation-the-owner-of-a-website-read-as-a-modifier",
    ),
    pytest.param(
        "Marlin Energy and Baltic Steel have called off their merger.\n\nBoth companies said the talks had ended "
        "“on friendly terms.”",
        "Marlin Energy", "organisation", id="organisation-both-companies-after-two-named",
    ),
    pytest.param(
        "According to figures released by the National Housing Agency, house prices rose at “the fastest pace in a "
        "decade.”",
        "National Housing Agency", "organisation", id="organisation-figures-released-by-a-publisher",
    ),
    pytest.param(
        "The vote was held on Sunday.\n\nOpposition figures said the count had been “a complete sham.”",
        None, "cue", id="cue-figures-without-a-publisher-stay-people",
    ),
    # ---- round 14: a colon introduction is its subject's, never a name in its object or a clause of it
    pytest.param(
        "The judge had advice for anyone who deals with Tom Hardy in the future: “Do not trust Mr. Hardy, because he "
        "will lie to you.”",
        None, "description", id="colon-the-subject-not-a-name-in-a-relative-clause",  # no judge named: nobody
    ),
    pytest.param(
        "Rowland Barnes, a state judge, sentenced Tom Hardy to life on Tuesday. The judge had advice for anyone who deals with "
        "Tom Hardy in the future: “Do not trust Mr. Hardy, because he will lie to you.”",
        "Rowland Barnes", "description", id="colon-a-described-subject-named-before",
    ),
    pytest.param(
        "Mayor Ann Lee spoke after the vote. She had a warning for people who lend money to Carl Ruiz: “Get it in "
        "writing, because he never pays anyone back.”",
        "Ann Lee", "pronoun", id="colon-a-pronoun-subject-not-the-name-after-it",
    ),
    pytest.param(
        "The prosecutor had harsh words for Carl Ruiz: “You betrayed everyone who trusted you and you showed no "
        "remorse.”",
        None, "description", id="colon-the-object-of-the-introduction-does-not-speak",
    ),
    pytest.param(
        "The company has a reply for critics such as Senator Ruth Hale: “We have kept every promise we made to this "
        "town.”",
        None, "organisation", id="colon-a-company-unnamed-not-the-critic-it-answers",
    ),
    pytest.param(
        "The judge had advice for lawyers as they prepare for the trial of Tom Hardy: “Read every page of the file, "
        "because the details matter here.”",
        None, "description", id="colon-the-subject-of-the-main-clause-not-of-a-clause-in-it",
    ),
    pytest.param(
        "The reaction of Amira Jamil was blunt: “This plan will fail and the children will pay the price for it.”",
        "Amira Jamil", "colon", id="colon-the-reaction-of-a-person",
    ),
    pytest.param(
        "Below is a statement by Francesca Lee, the head of the group: “We welcome the ruling and we will keep up the "
        "pressure on them.”",
        "Francesca Lee", "organisation", id="colon-below-is-a-statement-by",
    ),
    pytest.param(
        "There was only one message from Tom Reed to the voters: “We will win this seat back next year, I promise you "
        "that.”",
        "Tom Reed", "colon", id="colon-a-message-from-a-person-with-no-subject",
    ),
    # ---- round 14: a role of somebody else is no description of the person the story is about
    pytest.param(
        "The court reporter Tom Hardy is accused of shooting survived. Tom Hardy appeared in court on Monday.\n\n"
        "“I saw him take the gun and I ran for the door,” the court reporter said.",
        None, "description", id="description-the-noun-a-clause-of-the-named-person-is-about",
    ),
    pytest.param(
        "Tom Hardy shot the court reporter before he fled.\n\n“I saw him take the gun and I ran for the door,” the "
        "court reporter said.",
        None, "description", id="description-the-object-of-what-the-named-person-did",
    ),
    pytest.param(
        "Cynthia Hall was the deputy Tom Hardy attacked before he took her gun.\n\n“He came at me from behind and I "
        "never saw his face,” the deputy said.",
        "Cynthia Hall", "description", id="description-the-deputy-named-before-the-clause",
    ),
    pytest.param(
        "Tom Hardy won the award on Sunday.\n\n“I never expected this, it is a dream come true,” the actor said.",
        "Tom Hardy", "description", id="description-an-epithet-still-the-person-of-the-story",
    ),
    pytest.param(
        "Dan Moss, the organiser, said the event would go ahead. The conference promised to “bring the whole town "
        "together for three days of talks.”",
        None, "description", id="description-a-body-is-no-epithet-of-a-person",
    ),
    pytest.param(
        "Ann Lee, 52, said she heard the first shots at noon. She said the shop was closed at the time.\n\n"
        "Later in the afternoon, “I went back outside and the street was full of police cars.”",
        "Ann Lee", "carried", id="carried-after-a-lead-in-of-time",
    ),
    pytest.param(
        "Ann Lee, 52, said she heard the first shots at noon.\n\nA sign outside the hall reads, “Members only after "
        "six in the evening, no exceptions.”",
        None, "organisation", id="carried-not-after-a-subject-and-verb-before-the-quote",
    ),
    # ---- round 15: shapes that failed on real saved pages (sentences written for these tests)
    pytest.param(
        "Council leader Maria Lund was asked whether the vote was over.\n\n“Yes,” Lund said.",
        "Maria Lund", "cue", id="cue-a-capitalised-one-word-answer-before-subject-and-verb-is-said-not-a-name",
    ),
    pytest.param(
        "After a long silence, prosecutor Omar Haddad asked the witness: “Finished?”",
        "Omar Haddad", "colon", id="colon-a-one-word-question-after-a-cue-and-its-colon",
    ),
    pytest.param(
        "LONDON -- Insisting “the talks are far from over,” Union leader Greta Holm walked out of the meeting.",
        "Greta Holm", "cue", id="cue-an-opening-participle-of-saying-takes-the-main-clause-subject",
    ),
    pytest.param(
        "The long answer prompted Judge Ellen Ward to quip that the hearing was becoming “a broken record.”",
        "Ellen Ward", "cue", id="cue-the-object-of-prompt-is-who-quips",
    ),
    pytest.param(
        "Senator Paul Hines spoke for an hour. The delay led Mayor Anna Cole to remark that the city was “running out "
        "of patience.”",
        "Anna Cole", "cue", id="cue-the-object-of-lead-to-remark-not-the-person-named-before",
    ),
    pytest.param(
        "Farmer Paul Stein said his farm would lose money.\n\nCristian Gonzalez, an immigrant from Mexico, is a "
        "stay-at-home mother of four who lives in a trailer with her husband.\n\n“We are afraid to drive,” Gonzalez "
        "said.\n\nHer husband worked as a cook. Now they plan to return to Mexico.\n\n“We are just trying to stay "
        "one more year,” she said.",
        "Cristian Gonzalez", "pronoun", id="pronoun-gender-from-what-the-name-is-said-to-be-over-the-first-name-list",
    ),
    pytest.param(
        "Prime Minister Lena Dahl also declared that her neighbour, King Olaf, would help the union “set firm limits "
        "on fishing.”",
        "Lena Dahl", "cue", id="cue-declare-reports-a-fragment-in-the-clause-below-it",
    ),
    pytest.param(
        "Maria Gonzalez, an immigrant from Mexico, lives with her husband in a trailer.\n\n“We are afraid to drive,” "
        "Gonzalez said.\n\nAt the trailer park, driveways were full at midday. A resident who did not want to be named "
        "said people are afraid to go out.\n\n“People are just not going to work. They fear arrest,” the woman said.",
        None, "description", id="description-the-woman-is-the-unnamed-resident-just-introduced-not-the-named-woman",
    ),
    # ---- found by reading a build of saved news pages (html-news); the sentences are written for these rows
    pytest.param(
        "The family moved to the coast last spring. Omar Haddad said that having a garden has been a huge benefit.\n\n"
        "Taking Leo outside is his favourite part of the day, he said. “The best moment for me is putting him on the "
        "back of the bike.”",
        "Omar Haddad", "carried", id="carried-pronoun-not-the-person-named-in-what-it-reports",
    ),
    pytest.param(
        "Tom Brandt was arrested in May. In June his trial for fraud began, with the prosecution describing the former "
        "mayor as “the architect of the whole scheme.”",
        None, "description", id="description-the-prosecution-is-nobody-s-epithet",
    ),
    pytest.param(
        "MPs will vote next week on plans to give inspectors on the Food Standards Commission the power to act.\n\n"
        "But last night, the Government came out fighting, calling the letter “totally misleading.”",
        None, "organisation", id="organisation-the-government-is-not-the-commission-named-before",
    ),
    pytest.param(
        "Former minister Helen Marsh says the country will buy local if the cabinet keeps its word.\n\n"
        "We promised that we would protect our farms. The manifesto said: “We will never trade away our standards.”",
        None, "organisation", id="organisation-a-manifesto-is-a-document-not-the-author-s-epithet",
    ),
    pytest.param(
        "Deputy Director (Acting) of the Harbour Agency, Paul Grant, added that two events will take place.\n\n"
        "“The alliance will be launched here on Monday. There is also a seminar on Thursday.”",
        "Paul Grant", "carried", id="carried-the-name-in-apposition-not-a-word-in-brackets",
    ),
    pytest.param(
        "A broad alliance of farmers, chefs and charities has written to the Prime Minister. The letter warns that "
        "“cheap imports will ruin our farms.”",
        None, "organisation", id="organisation-an-alliance-of-farmers-is-no-name",
    ),
    pytest.param(
        "Of all the pledges made at the election, one is the most famous. But every Labour MP elected then stood on "
        "another promise.\n\nWe vowed that we would protect our farms. The manifesto said: “We will never trade away "
        "our standards.”",
        "Labour", "organisation", id="organisation-an-office-is-no-organisation-name",
    ),
    pytest.param(
        "Reuters could not reach the airline for comment. The carrier later said in an e-mail that “all passengers "
        "are safe.”",
        None, "organisation", id="organisation-the-outlet-asking-for-comment-is-not-the-carrier",
    ),
    pytest.param(
        "Skyline Air cancelled 40 flights. The Daily Courier asked the airline for comment. The carrier said in an "
        "e-mail that “all passengers are safe.”",
        "Skyline Air", "organisation", id="organisation-asking-for-comment-is-no-statement",
    ),
    pytest.param(
        "Coach Mike Reilly praised his players after the win.\n\n“They showed real character tonight. I could not be "
        "prouder.”",
        "Mike Reilly", "carried", id="carried-after-a-person-judging-out-loud",
    ),
    pytest.param(
        "Farm leader Joan Pryce said the new rules were “a betrayal of British growers.”\n\nA new coalition of farmers "
        "and charities is launched today. It will be chaired by Kate Dalton from the food alliance Harvest. She said "
        "last night: “People have made it clear that they expect high standards.”",
        "Kate Dalton", "pronoun", id="pronoun-the-agent-a-passive-main-clause-introduces",
    ),
    pytest.param(
        "Forms went out to 500 parents on Monday, Chief Education Officer Wendy Hale said.\n\nMore than 130 had "
        "responded positively by Friday. “We are very glad to see this,” she added.",
        "Wendy Hale", "pronoun", id="pronoun-not-a-number-that-responded",
    ),
    # round 16 (Lee news dev set): sentences written for these rows
    pytest.param(
        "Spam is rising again, according to Vexa.net, a leading anti-spam software company. Microsoft's Outlook "
        "program is hit most.\n\nThe messages, the company warned, “can flood a mailbox within hours.”",
        "Vexa.net", "organisation", id="organisation-the-company-is-the-one-called-a-company-even-after-according-to",
    ),
    pytest.param(
        "Vesta Shipping and Norland Ferries cut pay last week. “We will not accept this cut,” said the Harbour Workers "
        "Council (HWC), an alliance of 12 unions representing the crews.\n\n“The port cannot run without us,” the "
        "unions added.",
        "Harbour Workers Council (HWC)", "organisation", id="organisation-the-unions-are-the-alliance-of-unions",
    ),
    pytest.param(
        "Troops left the town at dawn but were back by noon.\n\nThe army said the move was a “routine rotation” and "
        "not a retreat.",
        "army", "organisation", id="organisation-the-army-with-no-army-named-is-the-army-as-police-are-police",
    ),
    pytest.param(
        "The rebel leadership met in the hills on Sunday.\n\nThe Sudanese leadership underscored the “need for calm "
        "on all sides.”",
        "Sudanese leadership", "organisation", id="organisation-a-leadership-underscored",
    ),
    pytest.param(
        "Mayor Tom Reed defended the dam on Monday. “The plan is fair and the money is there,” Reed said.\n\n"
        "Hundreds of farmers gathered outside the town hall in the rain. “We will lose our land,” a farmer from the "
        "valley told the crowd. “Nobody asked us before they drew the map,” he said.",
        None, "pronoun", id="pronoun-he-after-an-unnamed-farmer-who-just-spoke-is-the-farmer-not-the-mayor",
    ),
    pytest.param(
        "Firemen cleared the road by noon. One bystander, Kobus leGrange, said he was waiting for his brother.\n\n"
        "“His truck is here, but nobody has seen him,” he said.",
        "Kobus leGrange", "pronoun", id="pronoun-a-name-with-a-small-first-letter-set-off-after-a-bystander",
    ),
    pytest.param(
        "Tom Avery scored twice in the final. The Welshman says the win belongs to the fans.\n\n“I only finished what "
        "the others started,” he said.",
        "Tom Avery", "pronoun", id="pronoun-the-welshman-is-no-name",
    ),
    pytest.param(
        "Police closed the road after the flood. A farmer called Pete Varga told the radio the water came in minutes."
        "\n\n“It took the fence, the sheds and two of our cows,” the farmer said.",
        "Pete Varga", "description", id="description-the-farmer-is-the-farmer-called-by-a-name",
    ),
    pytest.param(
        "Admiral Ruth Kane flew to Manila on Monday. She met the president.\n\n“The patrols will start at once,” the "
        "former Marine Corps commander said in a statement.",
        "Ruth Kane", "description", id="description-a-corps-is-no-person-named-by-the-first-name-list",
    ),
    pytest.param(
        "Prime Minister Tom Holt announced tax cuts on Monday. Union leader Sam Price spoke first. “We will strike,” "
        "Price said.\n\nMr Holt's tax cuts split the cabinet, with Finance Minister Paul Grady attacking what he "
        "called a plan to “empty the treasury”.",
        "Paul Grady", "pronoun", id="pronoun-what-he-called-is-the-subject-of-the-verb-above",
    ),
    pytest.param(
        "The mayor met the council on Friday. Reporters later asked about Ms Lund's claim that the budget was “a "
        "house of cards”.",
        "Lund", "cue", id="cue-the-possessor-of-a-claim-speaks-its-fragment",
    ),
    pytest.param(
        "Mayor Ann Cole closed the park at noon with a crowd of parents chanting “shame”.",
        None, "cue", id="cue-a-participle-of-saying-is-its-nouns-not-the-clause-subjects",
    ),
    pytest.param(
        "The High Court of Lorvania struck down the fishing ban on Monday.\n\n“The ministry went beyond its powers,” "
        "the court said.",
        "High Court of Lorvania", "organisation", id="organisation-a-name-the-recogniser-cut-at-of-is-whole",
    ),
    pytest.param(
        "Ann Lee was asked on Monday whether she would run again. She replied: “No”.",
        "Ann Lee", "pronoun", id="pronoun-a-one-word-answer-after-a-cue-and-its-colon-is-said",
    ),
]


@pytest.mark.parametrize(("text", "name", "via"), CASES)
def test_speaker_of_the_last_quote(nlp, text: str, name: str | None, via: str) -> None:
    quote = last_quote(nlp, text)
    assert (quote.speaker_name, quote.speaker_via) == (name, via)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "“The project is a disaster” because of its “wasteful spending” and because it “ignored every warning,” "
            "Councillor Ann Burke said.", "Ann Burke", id="three-quotes-one-cue-after-the-last",
        ),
        pytest.param(
            "Councillor Tim Moss praised the budget. “The project is a disaster” because of its “wasteful spending,” "
            "Councillor Ann Burke said.", "Ann Burke", id="not-the-person-named-before",
        ),
        pytest.param(
            "“It is over,” said Tom Reed. “We lost.” “We will try again,” Ann Burke said.", "Tom Reed",
            id="a-quote-that-ends-its-sentence-is-not-reported-by-the-next-cue",
        ),
        pytest.param(
            "“The plan is a disaster for the town” and “a waste of money.\n\n“Nobody asked us,” Ann Burke said.",
            "Ann Burke", id="the-last-quote-runs-over-two-paragraphs",
        ),
    ],
)
def test_a_cue_after_the_last_quote_of_a_sentence_reports_the_first(nlp, text: str, name: str) -> None:
    from generator.extract.facts import extract_people, extract_sentences
    from generator.extract.quotes import extract_quotes

    doc = nlp(text)
    source = make_source(text)
    quotes = extract_quotes(doc, source, extract_sentences(doc, source), extract_people(doc, source))
    assert quotes[0].speaker_name == name


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The rebel leader earned the nickname “el tigre,” or “the man who never sleeps,” in the north.",
                     id="a-nickname-and-its-gloss"),
        pytest.param("Settlers signed so-called “Landvertraege,” or “land contracts,” with the chiefs.",
                     id="a-so-called-term-and-its-gloss"),
        pytest.param("The government declared 14 diplomats “personae non gratae” on Friday.",
                     id="declare-names-a-status"),
    ],
)
def test_terms_and_their_glosses_are_no_quotes(nlp, text: str) -> None:
    from generator.extract.facts import extract_people, extract_sentences
    from generator.extract.quotes import extract_quotes

    doc = nlp(text)
    source = make_source(text)
    assert extract_quotes(doc, source, extract_sentences(doc, source), extract_people(doc, source)) == ()


def test_a_title_ending_in_an_exclamation_mark_before_a_cue_stays_a_title(nlp) -> None:
    from generator.extract.facts import extract_people, extract_sentences
    from generator.extract.quotes import extract_quotes

    text = "She starred in “Oklahoma!” said her agent, Tom Reed."
    doc = nlp(text)
    source = make_source(text)
    assert extract_quotes(doc, source, extract_sentences(doc, source), extract_people(doc, source)) == ()


def test_no_agreeing_candidate_keeps_the_pronoun_as_written(nlp) -> None:
    quote = last_quote(nlp, "Peter Hall and John Wood met in Geneva on Monday.\n\n“The deal is done,” she said.")
    assert quote.speaker_text == "she" and quote.speaker_name is None and quote.speaker_name_start is None


def test_indirect_speaker_records_where_it_was_named(nlp) -> None:
    text = "Sarah Collins met Peter Hall in Geneva on Monday. They talked for hours.\n\n“The deal is done,” she said."
    quote = last_quote(nlp, text)
    assert text[quote.speaker_name_start : quote.speaker_name_end] == "Sarah Collins"
    assert quote.speaker_named_in == 0 and quote.sentence == 2


@pytest.mark.parametrize(
    ("first_name", "gender"), [("Valentina", "f"), ("Andrew", "m"), ("Michelle", "f"), ("Xqzt", None)]
)
def test_first_name_lexicon(first_name: str, gender: str | None) -> None:
    from generator.extract.speakers import lexicon_gender

    assert lexicon_gender(first_name) == gender


# ------------------------------------------------------------------------------ the note on the quotes page


def _quote(**fields):
    from generator.model import Quote

    base = dict(id="q-1", source="t", text="The deal is done", speaker_text="he", cue="said", partial=False,
                start=0, end=16, sentence=3)
    return Quote(**{**base, **fields})


@pytest.mark.parametrize(
    ("fields", "note"),
    [
        (dict(speaker_via="cue", speaker_text="Sarah Collins"), None),
        (dict(speaker_via="pronoun", speaker_name="Andrew Scheer", speaker_named_in=1),
         "he → Andrew Scheer, named two sentences before"),
        (dict(speaker_via="pronoun", speaker_text="she"), "she: no person of that gender and number named before"),
        (dict(speaker_via="carried", speaker_text="Tom Becker", speaker_name="Tom Becker", speaker_named_in=2),
         "no attribution of its own: continues the quotes of Tom Becker, named one sentence before"),
        (dict(speaker_via="description", speaker_text="the judge", speaker_name="Ann Rudd", speaker_named_in=3),
         "the judge → Ann Rudd, named in the same sentence"),
    ],
)
def test_attribution_note(fields: dict, note: str | None) -> None:
    from generator.pages.quotes import attribution_note

    assert attribution_note(_quote(**fields), None) == note


def test_attribution_note_is_escaped_in_its_html_attribute() -> None:
    from generator.pages.quotes import note_markup

    markup = str(note_markup(_quote(speaker_via="pronoun", speaker_text='he"><script>x</script>'), None))
    assert "<script>" not in markup and '"><' not in markup and markup.startswith(' <abbr title="')


def test_headline_credits_the_speaker_after_a_dash(nlp) -> None:
    quote = last_quote(nlp, "Ferry fares 'far too high' - Consumer Council\n\nThe council published its report on Monday.")
    assert (quote.text, quote.speaker_text) == ("far too high", "Consumer Council")


def test_organisation_speakers_are_no_people(nlp) -> None:
    """Organisations the entity recogniser tags as persons speak as organisations and get no person mention (so
    no person page); the one person of the text stays a person."""
    from generator.extract.facts import extract_people, extract_sentences
    from generator.extract.quotes import extract_quotes

    text = (
        "“We are saddened,” McMillan LLP said in a statement.\n\n“We are full every night,” said Dixon Hall, a Toronto "
        "charity.\n\n“We are proud of our students,” Covington Catholic said.\n\nLindsay Lohan left the clinic on Monday."
        "\n\n“I feel great,” she said."
    )
    source = make_source(text)
    doc = nlp(text)
    people = extract_people(doc, source)
    quotes = extract_quotes(doc, source, extract_sentences(doc, source), people)
    assert [m.name for m in people] == ["Lindsay Lohan"]
    assert [q.speaker_name for q in quotes] == ["McMillan LLP", "Dixon Hall", "Covington Catholic", "Lindsay Lohan"]


def test_first_name_is_read_next_to_the_surname_not_in_a_company_name(nlp) -> None:
    """"Georgia" (a first name the list calls female) inside the company name before the person is not his first
    name: "he" still finds him."""
    quote = last_quote(
        nlp,
        "Both firms have offices in the city.\n\nATI Technologies Georgia MD Rakesh R Venkataraman told reporters that "
        "the merger would drive growth.\n\n“Our teams do not overlap. We can now reach bigger markets,” he said.",
    )
    assert quote.speaker_via == "pronoun"
    assert (quote.speaker_name or "").endswith("Rakesh R Venkataraman")


def _doc_with_entities(nlp, text: str, entities: list[tuple[str, str]]):
    """A parsed document whose entities are set by hand (what the recogniser tagged varies by model version)."""
    from spacy.tokens import Span

    doc = nlp(text)
    spans = []
    for words, label in entities:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc


@pytest.mark.parametrize(
    ("text", "entities", "names"),
    [
        pytest.param(
            "A professor of law at the University of Leeds, Tariq Obuya, did not teach on Monday.",
            [("the University of Leeds", "ORG"), ("Tariq Obuya", "ORG")], ["Tariq Obuya"], id="set-off-by-a-person-noun",
        ),
        pytest.param(
            "Tariq Obuya, a professor of law, did not teach on Monday. Professor Obuya blamed the strike.",
            [("Tariq Obuya", "ORG"), ("Professor Obuya", "ORG")], ["Tariq Obuya", "Obuya"], id="and-his-surname-after-a-title",
        ),
        pytest.param(
            "One man was killed, said disaster agency official Fauzi.",
            [("Fauzi", "GPE")], ["Fauzi"], id="one-name-after-a-person-noun",
        ),
        pytest.param(
            "General Motors said sales fell. The United States, a close partner of Canada, said nothing.",
            [("General Motors", "ORG"), ("The United States", "GPE"), ("Canada", "GPE")], [], id="no-person-in-an-organisation-or-a-country",
        ),
        pytest.param(
            "R.J. Tully, 17, who works at the petrol station across the road, also heard the blast.",
            [("R.J. Tully", "ORG")], ["R.J. Tully"], id="a-name-given-an-age-and-a-who-clause",
        ),
        pytest.param(
            "Apex Motors, which makes vans in Leeds, said sales fell.",
            [("Apex Motors", "ORG")], [], id="no-person-for-a-which-clause",
        ),
    ],
)
def test_people_tagged_as_organisations(nlp, text: str, entities: list, names: list[str]) -> None:
    from generator.extract.speakers import _people_tagged_as_organisations

    doc = _doc_with_entities(nlp, text, entities)
    found = _people_tagged_as_organisations(doc, [], [False] * len(doc))
    assert [m.name for m in found] == names


@pytest.mark.parametrize(
    ("name", "bare"),
    [("Producer Moffat", "Moffat"), ("Sgt. Paul Brennan", "Paul Brennan"), ("Professor Ann Lee", "Ann Lee"),
     ("Moffat", "Moffat"), ("Paul Brennan", "Paul Brennan")],
)
def test_a_title_the_recogniser_kept_is_not_part_of_the_name(name: str, bare: str) -> None:
    from generator.extract.speakers import _without_title

    assert _without_title(name) == bare


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        pytest.param("Chidi Okeke did not go to work on Monday. But he rode his bicycle into town.", "m", id="he-goes-on"),
        pytest.param("Chidi Okeke did not go to work on Monday. She rode her bicycle into town.", "f", id="she-goes-on"),
        pytest.param(
            "Chidi Okeke was the victim in that case. In 2005, he was charged with assault on Okeke.", None,
            id="not-a-pronoun-whose-clause-names-the-person-again",
        ),
        pytest.param("Chidi Okeke did not go to work. “I was ill,” he said.", None, id="not-a-quote-speaker"),
        pytest.param("The strike closed the school. But he rode his bicycle into town with Chidi Okeke.", None, id="not-an-object"),
    ],
)
def test_gender_from_the_pronoun_that_goes_on_with_a_subject(nlp, text: str, gender: str | None) -> None:
    from generator.extract.facts import extract_people
    from generator.extract.quotes import _Context, find_quote_spans

    doc, source = nlp(text), make_source(text)
    spans, _ = find_quote_spans(source.paragraphs)
    ds = _Context(doc, source, spans, extract_people(doc, source)).speakers  # words in quotes marked as such
    assert ds.gender("Chidi Okeke") == gender


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [("kraft", "kraft foods", True), ("fed", "federal reserve", True), ("met", "met office", True),
     ("fe", "federal reserve", False), ("federal", "federal", False), ("bank", "world bank", True), ("ban", "world bank", False)],
)
def test_a_short_organisation_name_stands_for_a_fuller_one(short: str, full: str, expected: bool) -> None:
    from generator.extract.speakers import _shortens

    assert _shortens({short}, full.split()) is expected


@pytest.mark.parametrize(
    ("text", "entities", "names"),
    [
        pytest.param(
            "Brady Quinn started again. A big reason why was Quinn, who threw two interceptions.",
            [("Brady Quinn", "PERSON"), ("Quinn", "GPE")], ["Quinn"], id="a-surname-tagged-a-place-with-who-is-a-person",
        ),
        pytest.param(
            "Michael Jordan arrived on Monday. Jordan, which borders Syria, closed the crossing.",
            [("Michael Jordan", "PERSON"), ("Jordan", "GPE")], [], id="a-surname-tagged-a-place-without-who-stays-a-place",
        ),
    ],
)
def test_surnames_again_tagged_as_places(nlp, text: str, entities: list, names: list[str]) -> None:
    from generator.extract.speakers import _surnames_again
    from generator.model import PersonMention

    doc = nlp(text)
    (full, _), (surname, label) = entities
    doc.ents = [doc.char_span(text.index(full), text.index(full) + len(full), label="PERSON"),
                doc.char_span(text.rindex(surname), text.rindex(surname) + len(surname), label=label)]
    first = doc.ents[0]
    people = [PersonMention("", first.text, first.text, first.start_char, first.end_char, 0)]
    assert [m.name for m in _surnames_again(doc, people, [False] * len(doc))] == names
