"""English held-out articles (fictional; written for broadsheet, never used for tuning)."""

TEXT = r"""
=== article en-ho-port-strike
# Dockworkers walk out as pay talks collapse
## Container backlog could reach 40,000 boxes by the weekend, shippers warn
@ By Hannah Okafor and Daniel Reyes
ROTTERDAM — Thousands of dockworkers at Europe's busiest port walked off the job on Tuesday after overnight talks on a new three-year contract broke down, leaving ships queuing in the North Sea and freight forwarders scrambling to reroute cargo.
The union, which represents about 9,000 crane operators, lashers and terminal staff, is demanding a 7% rise this year and limits on the automation of quay cranes. Terminal operators have offered 4.5% spread over two years.
“We are not against robots,” said Pieter van Leeuwen, a crane operator for 22 years who joined the picket line at dawn. “We are against being told to train them and then being sent home.”
Shipping groups said the stoppage could leave a backlog of up to 40,000 containers by Saturday. At least 14 vessels were anchored offshore on Tuesday afternoon, according to ship-tracking data.
The operators' association called the strike “disproportionate” and said it remained open to mediation.
Economists said a walkout of a week or more would be felt well beyond the Netherlands. Roughly a third of the port's container traffic is transshipped to smaller harbours in Scandinavia, the Baltic and the British Isles.
~ (Reporting by Hannah Okafor and Daniel Reyes; Editing by Martin Hale)
! Striking dockworkers gather outside a container terminal on Tuesday. | Photo: Sander Koning/Reuters

=== article en-ho-lynx
# Are lynx ready to come home?
## A 10-year study says the Highlands could support 250 of the cats. Sheep farmers are not convinced
@ Environment Correspondent Fiona MacAulay
Nobody in Glen Affric has seen a lynx for at least 500 years. If a group of ecologists gets its way, that could change within a decade.
A study published on Thursday by researchers at the fictional Caledonian Wildlife Institute concludes that the forests of the northern Highlands hold enough roe deer to support a population of about 250 Eurasian lynx, a cat that was hunted to extinction in Britain in the early Middle Ages.
'The habitat is there, the prey is there,' said Dr Alasdair Reid, who led the 10-year project. 'What is missing is the animal, and the trust.'
The trust is the hard part. Farmers fear for their lambs, and many point to Norway, where lynx kill several thousand sheep a year, though most of those are grazed unattended in forest.
"You can put a number on deer," said Morag Cameron, who keeps 600 ewes near Cannich. "Nobody's put a number on what it costs me when I lose my best tup."
### Compensation on the table
The institute suggests a compensation fund of £1.5m a year for the first five years, paid out within 30 days of a confirmed kill, plus grants for guard dogs and lambing sheds.
The report is careful about what it does not know. Lynx are secretive, range over huge areas and rarely show themselves; a released animal could wander 100km in a week, cross a main road at night and turn up in a garden in Inverness, and the authors admit that nobody can say in advance how many would be killed by cars, how many would slip across into Argyll or Perthshire, or how many farmers would, quietly and illegally, shoot one and say nothing. They recommend fitting every released cat with a GPS collar, publishing the tracks with a two-week delay so that poachers cannot follow them, and setting up a panel of farmers, foresters and ecologists with the power to halt the project if losses run above an agreed level for two years in a row.
Tourism operators are more enthusiastic. A guide in Aviemore said wildlife visitors already spend about £120m a year in the area and that 'even a rumour of a lynx' would fill his minibus.
Ministers said they would "study the report carefully" but had no plans for a release.
! A Eurasian lynx at a wildlife park in the Cairngorms. | AFP via Getty Images

=== article en-ho-heat-pump
# Heat pump grants: who gets the money, and how much?
@ A Staff Writer
The government's new heat pump scheme opens for applications on Monday. Here is what homeowners need to know.
### Who is eligible?
Owners of detached, semi-detached and terraced houses that are currently heated by gas, oil or electric storage heaters. Landlords can apply for up to three properties. New-build homes are excluded.
### How much is on offer?
A flat £7,500 for an air-source pump and £9,000 for a ground-source system, paid directly to the installer. The average installed cost is around £12,000, so most households will still pay something.
### What are the catches?
The property must have an energy performance certificate issued in the past 10 years with no outstanding recommendation for loft or cavity-wall insulation. Installers must be certified; a list is published online.
- Applications open: Monday, 9am
- Budget this year: £450m (about 55,000 grants)
- Deadline: March 31, or when the money runs out
Consumer groups warned that the money could be gone by the autumn. "Last time it lasted eleven weeks," one adviser said. "If you're thinking about it, get your quotes now."

=== article en-ho-robot-surgery
# Hospital trusts robot for first remote operation
@ By Dr. Samuel Adeyemi, Health Editor
Surgeons in Leeds removed a patient's gall bladder on Wednesday while the lead consultant sat 190 miles away in Bristol, in what the hospital described as the country's first fully remote routine operation.
The 58-year-old patient was discharged the next morning. "Honestly, I didn't know the surgeon wasn't in the room until afterwards," he said. "I was asleep. Thank you, thank you to all of them."
The operation used a robotic system controlled over a dedicated fibre link with a delay of 28 milliseconds. A second surgeon stood by at the bedside, ready to take over at any moment — a condition set by the regulator.
Mr. Jonathan Pryce, the consultant at the controls, said the experience was "strangely ordinary". "After the first ten minutes you forget about the distance," he said. "You think about the anatomy."
Critics say remote surgery risks becoming a way to cover staff shortages in smaller hospitals rather than to fix them. The Royal College said it would publish guidance next spring.
! Mr. Jonathan Pryce at the remote console in Bristol. | Photo courtesy of Leeds Teaching Hospitals
~ Samuel Adeyemi can be reached at health@lakesidetimes.example

=== article en-ho-chess-cafe
# A café where the only rule is: finish your game
@ By Tomás Ferreira
LISBON — On a steep street in Graça, a café with eleven tables and thirty chessboards stays open until the last game ends. Some nights that is 9pm. Some nights it is 3am.
Its owner, a retired maths teacher named Inês Carvalho, 67, bought the place in 2020 with her savings, "because everything was closing and I wanted something to open".
Regulars include students, taxi drivers, a judge and a nine-year-old who, she says, "beats all of them, every day, every day, and then asks for hot chocolate".
There is no wifi password. There is, however, a clock on every table.
! Players at the Café do Xadrez in Lisbon's Graça district. | Tomás Ferreira for The Herald
~ — Tomás Ferreira is a freelance writer based in Lisbon.

=== article en-ho-bond-yields
# Markets: Yields jump as inflation surprises on the upside
@ By Priya Natarajan in New York and Oliver Grant in London
Government bond yields rose sharply on Friday after figures showed consumer prices climbing 3.4% in the year to October, well above the 2.9% economists had expected.
The yield on the benchmark 10-year note rose 18 basis points to 4.62%, its biggest one-day move since March. Two-year yields, which are more sensitive to interest-rate expectations, jumped 22 basis points.
Traders pushed back their bets on the timing of the first rate cut. Futures markets now price in a cut in June at the earliest, compared with March a week ago.
"This was the print the central bank was hoping not to see," said Elena Voss, chief economist at a fictional Frankfurt-based fund, Mainzer Capital. "Services inflation is sticky, and wages are still running at 5%."
Equities fell. The S&P 500 closed down 1.3%, and the tech-heavy Nasdaq lost 1.9%. The dollar gained 0.8% against a basket of currencies.
### Housing feels it first
Mortgage lenders were quick to respond. At least three large banks raised their 30-year fixed rates by a quarter of a point before the close, to about 7.1%.
A broker in Chicago said several clients had called within the hour. "People who were waiting for rates to come down are asking whether they should just lock in now," she said. "I tell them I don't know. Nobody knows."
Analysts cautioned against reading too much into a single month. Energy prices, which rose 6% in October, are expected to ease over the winter, and used-car prices have started to fall.
Still, the figures are likely to strengthen the hand of policymakers who argue for keeping rates higher for longer. The central bank's next meeting is on December 11-12.
~ (Editing by Catherine Moss)
! Traders on the floor of the New York Stock Exchange on Friday. | Photo: Brendan McDermott/Reuters

=== article en-ho-library-seeds
# Library lends seeds along with books
@ Staff report
DUNEDIN — Borrowers at the public library can now check out tomato, bean and pumpkin seeds as well as novels, under a scheme that asks only that they "return" some seeds from their harvest at the end of the season.
The seed library, kept in an old card-catalogue cabinet, holds 42 varieties. Librarian Ngaire Walsh said about 300 packets went out in the first fortnight.
"It's the only thing we lend that comes back bigger," she said.

=== article en-ho-ferry-rescue
# Fishermen pull 11 from sea after ferry fire
## Coastguard praises crew of the 'Northern Star'; cause of blaze under investigation
@ By Liam O'Connor, Ireland Correspondent, and Aoife Byrne
GALWAY, Ireland — The crew of a small fishing trawler rescued 11 passengers and crew from the water off the Aran Islands on Sunday evening after a fire broke out on a passenger ferry, forcing those on board to jump into the Atlantic.
All 64 people on the ferry survived. Seven were treated in hospital for hypothermia and smoke inhalation, and two remained there on Monday in a stable condition, the Health Service Executive said.
Skipper Michael Joyce, 44, said he saw black smoke on the horizon at about 6.15pm and turned his boat, the Northern Star, towards it at full speed. "By the time we got there, there were people in the water in life jackets, shouting," he said. "We just pulled and pulled."
The coastguard said the ferry's crew had followed evacuation procedures and that most passengers were taken off by lifeboat. Those who jumped did so from the stern, where the fire had cut off access to the boats.
The Marine Casualty Investigation Board has opened an inquiry. The ferry's operator said it would co-operate fully and had suspended the route "until further notice."
A passenger, Siobhán Walsh, 29, said the first sign of trouble was the smell of burning plastic. "Then the lights went out and people started screaming," she said. "I keep thinking about the fishermen. They didn't have to come."
~ — Additional reporting by Ciarán Daly in Dublin
! The burned-out ferry is towed into Galway harbour on Monday. | Photograph: Niall Carson/PA
! Skipper Michael Joyce aboard the Northern Star. | Family handout

=== box en-ho-box-heatpump
# Heat pump grants at a glance
- Air-source: £7,500
- Ground-source: £9,000
- Landlords: up to three homes
- Insulation certificate required

=== box en-ho-box-ferry
# If you have to abandon ship
- Put on a life jacket before you jump
- Jump feet first, arms crossed over the jacket
- Keep your legs together and stay in a group
- Do not try to swim to shore
"""
