<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>Theia</name>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="40" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="79" />
      <source>&amp;Theia</source>
      <translation>&amp;Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1185" />
      <source>(already complete)</source>
      <translation>(déjà complet)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="220" />
      <source>(built-in)</source>
      <translation>(intégrée)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="682" />
      <source>(choose a saved search)</source>
      <translation>(choisir une recherche enregistrée)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="311" />
      <source>(none)</source>
      <translation>(aucun)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="742" />
      <source>(the server keeps no log for this job)</source>
      <translation>(le serveur ne conserve aucun journal pour cette tâche)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="34" />
      <source>128: high clouds (1.38 µm)</source>
      <translation>128 : nuages hauts (1,38 µm)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="31" />
      <source>16: thinnest clouds</source>
      <translation>16 : nuages les plus fins</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="27" />
      <source>1: all clouds except the thinnest, and all shadows</source>
      <translation>1 : tous les nuages sauf les plus fins, et toutes les ombres</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="200" />
      <source>2 or 3 Pléiades/SPOT stereo images (DINAMIS ids). The signed along-track incidence angle, when known, lets the plugin check the convergence angle.</source>
      <translation>2 ou 3 images stéréo Pléiades/SPOT (identifiants DINAMIS). L'angle d'incidence signé le long de la trace, s'il est connu, permet à l'extension de vérifier l'angle de convergence.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="28" />
      <source>2: all clouds except the thinnest</source>
      <translation>2 : tous les nuages sauf les plus fins</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="32" />
      <source>32: shadows of detected clouds</source>
      <translation>32 : ombres des nuages détectés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="29" />
      <source>4: clouds (mono-temporal test)</source>
      <translation>4 : nuages (test monotemporel)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="33" />
      <source>64: shadows of clouds outside the image</source>
      <translation>64 : ombres des nuages hors de l'image</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="30" />
      <source>8: clouds (multi-temporal test)</source>
      <translation>8 : nuages (test multitemporel)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="167" />
      <source>A WMS layer name is needed for {url}</source>
      <translation>Un nom de couche WMS est nécessaire pour {url}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="193" />
      <source>A WMTS layer name is needed for {url}</source>
      <translation>Un nom de couche WMTS est nécessaire pour {url}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="103" />
      <source>A catalogue connection needs a name</source>
      <translation>Une connexion de catalogue doit avoir un nom</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="279" />
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="301" />
      <source>A connection named “{name}” already exists</source>
      <translation>Une connexion nommée « {name} » existe déjà</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="564" />
      <source>A custom period needs both a start and an end date written YYYY-MM-DD (got {start!r} and {end!r}).</source>
      <translation>Une période personnalisée demande une date de début et une date de fin écrites AAAA-MM-JJ (reçu {start!r} et {end!r}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_filters.py" line="232" />
      <source>A property filter has no property</source>
      <translation>Un filtre n'a pas de propriété</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="74" />
      <source>A saved search is not valid JSON: {error}</source>
      <translation>Une recherche enregistrée n'est pas un JSON valide : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="201" />
      <source>A saved search must be a JSON object</source>
      <translation>Une recherche enregistrée doit être un objet JSON</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="51" />
      <source>A saved search must be a JSON object with "name" and "request" members</source>
      <translation>Une recherche enregistrée doit être un objet JSON avec les membres "name" et "request"</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="122" />
      <source>A saved search named “{name}” already exists</source>
      <translation>Une recherche enregistrée nommée « {name} » existe déjà</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="39" />
      <source>A saved search needs a name</source>
      <translation>Une recherche enregistrée doit avoir un nom</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="42" />
      <source>A saved search needs a search request</source>
      <translation>Une recherche enregistrée doit avoir une requête de recherche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="399" />
      <source>A true-colour composite needs three GDAL rasters (red, green, blue)</source>
      <translation>Une composition en couleurs naturelles nécessite trois rasters GDAL (rouge, vert, bleu)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="91" />
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="168" />
      <source>API</source>
      <translation>API</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="153" />
      <source>Access denied</source>
      <translation>Accès refusé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="236" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="465" />
      <source>Add a STAC API</source>
      <translation>Ajouter une API STAC</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="381" />
      <source>Add asset</source>
      <translation>Ajouter l'asset</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_filters.py" line="195" />
      <source>Add filter</source>
      <translation>Ajouter un filtre</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="383" />
      <source>Add item as group</source>
      <translation>Ajouter l'item en groupe</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1007" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1042" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1044" />
      <source>Add layer</source>
      <translation>Ajouter une couche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="184" />
      <source>Add…</source>
      <translation>Ajouter…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="896" />
      <source>All checks passed</source>
      <translation>Toutes les vérifications sont réussies</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="297" />
      <source>All-cloud series: none of the {count} snow products has a single clear pixel (every date is cloud or no data), so there is nothing to synthesise.</source>
      <translation>Série entièrement nuageuse : aucun des {count} produits neige n'a un seul pixel clair (chaque date est nuageuse ou sans données), il n'y a donc rien à synthétiser.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="80" />
      <source>Also mask (geophysical mask MG2)</source>
      <translation>Masquer aussi (masque géophysique MG2)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/__init__.py" line="118" />
      <source>An authentication configuration ({id}) can only be used inside QGIS; pass the credentials as headers instead</source>
      <translation>Une configuration d'authentification ({id}) ne peut être utilisée que dans QGIS ; passez plutôt les identifiants en en-têtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="450" />
      <source>Annual snow indicators of one tile from its per-date snow products, exactly as Theia's Let It Snow synthesis (L3B) defines them.

Inputs: a folder (searched with its subfolders and zips) and/or a list of files: this plugin's snow detection outputs, Theia's L2B-SNOW products (…_SNW_R2.tif) or …SNOW-FSC… files, all of one tile and one grid. The period is the hydrological year starting in the given year (1 Sep – 31 Aug in the northern hemisphere, 1 Mar – end of February in the southern one) unless a start and an end date are given; products up to the date margin outside the period anchor the interpolation.

Per pixel, clear observations are interpolated linearly to every day (constant before the first and after the last), a day is snow-covered when the value reaches 50 %, and: SCD = snow cover duration (days); SOD / SMOD = first / last day of the longest snow period (day 0 = first day of the period; 0 when SCD ≤ 10 days); NOBS = number of clear observations; NSP = number of changes of the daily snow state. Outputs: uint16 Cloud Optimized GeoTIFFs named like Theia's, styled when loaded (SOD and SMOD with calendar dates in the legend), an optional daily snow stack (one band per day), a JSON summary and an HTML report with a chart of the snow-covered area and cloud cover per date.

Reference: Gascoin S. et al. (2019), Earth System Science Data 11, 493–514; Barrou Dumont Z. et al. (2021), The Cryosphere.</source>
      <translation>Indicateurs annuels d'enneigement d'une tuile à partir de ses produits neige par date, exactement tels que les définit la synthèse Let It Snow de Theia (L3B).

Entrées : un dossier (parcouru avec ses sous-dossiers et ses zips) et/ou une liste de fichiers : les sorties de la détection de la neige de cette extension, les produits L2B-SNOW de Theia (…_SNW_R2.tif) ou les fichiers …SNOW-FSC…, tous d'une même tuile et d'une même grille. La période est l'année hydrologique qui commence l'année donnée (1er sept. – 31 août dans l'hémisphère nord, 1er mars – fin février dans l'hémisphère sud), sauf si une date de début et une date de fin sont données ; les produits situés hors de la période, dans la limite de la marge de dates, ancrent l'interpolation.

Pour chaque pixel, les observations claires sont interpolées linéairement à chaque jour (constantes avant la première et après la dernière), un jour est enneigé quand la valeur atteint 50 %, et : SCD = durée d'enneigement (jours) ; SOD / SMOD = premier / dernier jour de la plus longue période d'enneigement (jour 0 = premier jour de la période ; 0 quand SCD ≤ 10 jours) ; NOBS = nombre d'observations claires ; NSP = nombre de changements de l'état d'enneigement quotidien. Sorties : des GeoTIFF optimisés pour le cloud (COG) en uint16 nommés comme ceux de Theia, stylés au chargement (SOD et SMOD avec les dates du calendrier dans la légende), une pile quotidienne de neige facultative (une bande par jour), un résumé JSON et un rapport HTML avec un graphique de la surface enneigée et de la couverture nuageuse par date.

Références : Gascoin S. et al. (2019), Earth System Science Data 11, 493–514 ; Barrou Dumont Z. et al. (2021), The Cryosphere.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="441" />
      <source>Annual snow synthesis</source>
      <translation>Synthèse annuelle de l'enneigement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="57" />
      <source>Application domain</source>
      <translation>Domaine d'application</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="17" />
      <source>Apr</source>
      <translation>avr.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="391" />
      <source>Archive</source>
      <translation>Archive</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="857" />
      <source>Archive saved to {path}</source>
      <translation>Archive enregistrée dans {path}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="131" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="278" />
      <source>Area</source>
      <translation>Emprise</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="169" />
      <source>Asset URLs</source>
      <translation>URL des assets</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="125" />
      <source>Asset keys or roles (empty: data assets)</source>
      <translation>Clés ou rôles des fichiers (vide : fichiers de données)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="158" />
      <source>Asset keys to list (comma-separated; empty: main assets)</source>
      <translation>Clés des assets à lister (séparées par des virgules ; vide : assets principaux)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="310" />
      <source>Asset “{key}” of {item} ({type}) cannot be shown as a map layer</source>
      <translation>L'asset « {key} » de {item} ({type}) ne peut pas être affiché comme couche cartographique</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="305" />
      <source>Asset “{key}” of {item} is a zip archive: download it first</source>
      <translation>L'asset « {key} » de {item} est une archive zip : téléchargez-le d'abord</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="18" />
      <source>Aug</source>
      <translation>août</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="124" />
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="129" />
      <location filename="../../theia_plugin/processing/dsmopt.py" line="97" />
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="106" />
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="169" />
      <source>Authentication</source>
      <translation>Authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="154" />
      <source>Authentication failed</source>
      <translation>Échec de l'authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/parameters.py" line="46" />
      <source>Authentication for STAC assets (API key access-key / secret-key, or token)</source>
      <translation>Authentification pour les assets STAC (clé d'API access-key / secret-key, ou jeton)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="66" />
      <source>Back to cloud: minimum red (milli-reflectance)</source>
      <translation>Retour en nuage : rouge minimal (milli-réflectance)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_raster.py" line="65" />
      <source>Band mapping (NAME=band number)</source>
      <translation>Correspondance des bandes (NOM=numéro de bande)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/inputs.py" line="190" />
      <source>Band mapping item “{item}” is not understood: expected NAME=BAND, e.g. “R=3, N=4” (ASI band names, raster band numbers from 1).</source>
      <translation>L'élément de correspondance des bandes « {item} » n'est pas compris : attendu NOM=BANDE, par ex. « R=3, N=4 » (noms de bandes ASI, numéros de bandes du raster à partir de 1).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="88" />
      <source>Bands</source>
      <translation>Bandes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="267" />
      <source>Bounding box latitudes must be between -90 and 90 (south {south}, north {north})</source>
      <translation>Les latitudes de l'emprise doivent être comprises entre -90 et 90 (sud {south}, nord {north})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="262" />
      <source>Bounding box longitudes must be between -180 and 180 (west {west}, east {east})</source>
      <translation>Les longitudes de l'emprise doivent être comprises entre -180 et 180 (ouest {west}, est {east})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="253" />
      <source>CES themes</source>
      <translation>Thèmes des CES</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="69" />
      <source>CLM bit of high clouds</source>
      <translation>Bit CLM des nuages hauts</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="68" />
      <source>CLM bit of shadows of clouds outside the image</source>
      <translation>Bit CLM des ombres des nuages hors de l'image</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="67" />
      <source>CLM bit of shadows of detected clouds</source>
      <translation>Bit CLM des ombres des nuages détectés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="65" />
      <source>Cache folder</source>
      <translation>Dossier de cache</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="328" />
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="271" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_tasks.py" line="47" />
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/cog.py" line="205" />
      <location filename="../../theia_plugin/core/raster/engine.py" line="333" />
      <location filename="../../theia_plugin/core/raster/engine.py" line="328" />
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="81" />
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="88" />
      <location filename="../../theia_plugin/net/errors.py" line="278" />
      <source>Cancelled by the user</source>
      <translation>Annulé par l'utilisateur</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="772" />
      <source>Cancelling DSM-OPT job {id}</source>
      <translation>Annulation de la tâche DSM-OPT {id}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="407" />
      <source>Cannot build the true-colour composite of {name}: {error}</source>
      <translation>Impossible de construire la composition en couleurs naturelles de {name} : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="545" />
      <source>Cannot list the collections of {url}</source>
      <translation>Impossible de lister les collections de {url}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1082" />
      <source>Cannot load {item}</source>
      <translation>Impossible de charger {item}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/themes.py" line="90" />
      <source>Cannot read the CES themes file {path}: {error}</source>
      <translation>Impossible de lire le fichier des thèmes des CES {path} : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="367" />
      <source>Cannot read the zip archive {path}: {error}</source>
      <translation>Impossible de lire l'archive zip {path} : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="86" />
      <location filename="../../theia_plugin/processing/catalogue.py" line="97" />
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="58" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="239" />
      <source>Catalogue</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="116" />
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="89" />
      <source>Catalogue URL</source>
      <translation>URL du catalogue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="471" />
      <source>Catalogue connection</source>
      <translation>Connexion de catalogue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="120" />
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="85" />
      <source>Catalogue kind</source>
      <translation>Type de catalogue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="288" />
      <source>Check that the URL points to the service's API; the server may be misconfigured</source>
      <translation>Vérifiez que l'URL désigne bien l'API du service ; le serveur est peut-être mal configuré</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="158" />
      <source>Check that your account or API key gives access to this resource, and the authentication configuration selected for this connection ({settings})</source>
      <translation>Vérifiez que votre compte ou votre clé d'API donne accès à cette ressource, ainsi que la configuration d'authentification choisie pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="162" />
      <source>Check the API key or the user name and password of the authentication configuration selected for this connection ({settings})</source>
      <translation>Vérifiez la clé d'API ou le nom d'utilisateur et le mot de passe de la configuration d'authentification choisie pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="179" />
      <source>Check the URL; the item may have been removed or moved</source>
      <translation>Vérifiez l'URL ; l'élément a peut-être été supprimé ou déplacé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="239" />
      <source>Check the address and your Internet connection, and whether a proxy is needed ({settings})</source>
      <translation>Vérifiez l'adresse et votre connexion Internet, et si un proxy est nécessaire ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="442" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="264" />
      <source>Check the address of the service</source>
      <translation>Vérifiez l'adresse du service</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="708" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="281" />
      <source>Check the address, your Internet connection and DNS</source>
      <translation>Vérifiez l'adresse, votre connexion Internet et le DNS</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="268" />
      <source>Check the computer's date and time; if your organisation inspects HTTPS traffic, add its certificate authority in {settings} › Certificate Manager</source>
      <translation>Vérifiez la date et l'heure de l'ordinateur ; si votre organisme inspecte le trafic HTTPS, ajoutez son autorité de certification dans {settings} › Gestionnaire de certificats</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="258" />
      <location filename="../../theia_plugin/net/qgis_transport.py" line="694" />
      <source>Check the proxy host and port in {settings}</source>
      <translation>Vérifiez l'hôte et le port du proxy dans {settings}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="255" />
      <source>Check the proxy user name and password in {settings}</source>
      <translation>Vérifiez le nom d'utilisateur et le mot de passe du proxy dans {settings}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="144" />
      <source>Check the request parameters</source>
      <translation>Vérifiez les paramètres de la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="383" />
      <source>Choose an existing authentication configuration for this connection ({settings})</source>
      <translation>Choisissez une configuration d'authentification existante pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="333" />
      <source>Choose at least one index or give a formula.</source>
      <translation>Choisissez au moins un indice ou donnez une formule.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="87" />
      <source>Cloud</source>
      <translation>Nuage</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/snow_chart.py" line="98" />
      <location filename="../../theia_plugin/ui/catalogue_model.py" line="101" />
      <source>Cloud %</source>
      <translation>Nuage %</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="68" />
      <source>Cloud (% of pixels with data)</source>
      <translation>Nuage (% des pixels avec données)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="195" />
      <source>Cloud (%)</source>
      <translation>Nuage (%)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="291" />
      <source>Cloud cover at most</source>
      <translation>Couverture nuageuse au plus</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="65" />
      <source>Cloud refinement: dark cloud maximum red (milli-reflectance)</source>
      <translation>Affinage des nuages : rouge maximal d'un nuage sombre (milli-réflectance)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="64" />
      <source>Cloud refinement: red downsampling factor rf</source>
      <translation>Affinage des nuages : facteur de sous-échantillonnage du rouge rf</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="103" />
      <source>Coarser bands brought to the output resolution by</source>
      <translation>Bandes plus grossières ramenées à la résolution de sortie par</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_model.py" line="101" />
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="259" />
      <source>Collections</source>
      <translation>Collections</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="128" />
      <source>Collections (comma-separated ids)</source>
      <translation>Collections (identifiants séparés par des virgules)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="98" />
      <source>Collections (comma-separated)</source>
      <translation>Collections (séparées par des virgules)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="116" />
      <source>Compression of the output</source>
      <translation>Compression du résultat</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="120" />
      <source>Computes a spectral index of a Theia Sentinel-2 L2A product (folder or zip, read in place) and writes it as a Cloud Optimized GeoTIFF.

Index: any of the Awesome Spectral Indices computable from Theia L2A bands (e.g. NDVI, NDWI after McFeeters, NDSI, NBR, SAVI, EVI), or a formula of your own over the band names B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), e.g. (N - R) / (N + R).

Resolution: by default the finest of the bands the index reads (10 m for NDVI, 20 m for an index of 20 m bands only); at 20 m, 10 m bands are averaged. Output: float32 with NaN nodata, or int16 ×10000 with −10000 like Theia's own indices.

Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</source>
      <translation>Calcule un indice spectral d'un produit Theia Sentinel-2 L2A (dossier ou zip, lu sur place) et l'écrit en GeoTIFF optimisé pour le cloud (COG).

Indice : n'importe lequel des Awesome Spectral Indices calculables avec les bandes Theia L2A (par ex. NDVI, NDWI d'après McFeeters, NDSI, NBR, SAVI, EVI), ou une formule personnelle sur les noms de bandes B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (réflectance 0–1), par ex. (N - R) / (N + R).

Résolution : par défaut la plus fine des bandes que lit l'indice (10 m pour le NDVI, 20 m pour un indice qui ne lit que des bandes à 20 m) ; à 20 m, les bandes à 10 m sont moyennées. Sortie : float32 avec NaN comme valeur sans données, ou int16 ×10000 avec −10000 comme les indices de Theia.

Référence : Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_raster.py" line="44" />
      <source>Computes a spectral index of any multiband raster (a stack of reflectance bands from any sensor) and writes it as a Cloud Optimized GeoTIFF.

Band mapping: which raster band (numbered from 1) plays each Awesome Spectral Indices band, e.g. B=1, G=2, R=3, N=4 for a blue-green-red-NIR stack. Band names: A (coastal), B, G, R, RE1, RE2, RE3, N, N2 (narrow NIR), S1, S2 (SWIR), T1, T2 (thermal), WV. For Landsat 8/9, map N to the band holding B5.

Reflectance = value × scale + offset must fall in 0–1: 0.0001 for values ×10000 (Theia, Sentinel-2), 0.0000275 and −0.2 for Landsat Collection 2 Level-2, 1 for float reflectance. The raster's nodata value becomes nodata.

Index: any of the 280 Awesome Spectral Indices whose bands are mapped, or a formula of your own over the band names, e.g. (N - R) / (N + R). A band the index needs but the mapping lacks is named in the error.

Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</source>
      <translation>Calcule un indice spectral de n'importe quel raster multibande (une pile de bandes de réflectance de n'importe quel capteur) et l'écrit en GeoTIFF optimisé pour le cloud (COG).

Correspondance des bandes : quelle bande du raster (numérotée à partir de 1) joue le rôle de chaque bande des Awesome Spectral Indices, par ex. B=1, G=2, R=3, N=4 pour une pile bleu-vert-rouge-PIR. Noms de bandes : A (côtière), B, G, R, RE1, RE2, RE3, N, N2 (PIR étroit), S1, S2 (MIR), T1, T2 (thermique), WV. Pour Landsat 8/9, associez N à la bande qui contient B5.

La réflectance = valeur × échelle + décalage doit être comprise entre 0 et 1 : 0.0001 pour des valeurs ×10000 (Theia, Sentinel-2), 0.0000275 et −0.2 pour Landsat Collection 2 Level-2, 1 pour une réflectance en virgule flottante. La valeur sans données du raster devient la valeur sans données de la sortie.

Indice : n'importe lequel des 280 Awesome Spectral Indices dont les bandes sont associées, ou une formule personnelle sur les noms de bandes, par ex. (N - R) / (N + R). Une bande nécessaire à l'indice mais absente de la correspondance est nommée dans l'erreur.

Référence : Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="377" />
      <source>Computes one spectral index for each of several Theia Sentinel-2 L2A products and writes one Cloud Optimized GeoTIFF per product, named &lt;product&gt;_&lt;INDEX&gt;.tif, in the output folder.

Products: a folder (every L2A zip or product folder directly inside it, or the folder itself if it is a product) and/or a list of product zips or folders, one path per line or separated by semicolons (in qgis_process: --PRODUCTS="/data/a.zip;/data/b.zip").

Index: any of the Awesome Spectral Indices computable from Theia L2A bands, or a formula of your own over B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), which replaces the index; its files are then named &lt;product&gt;_formula.tif.

A product that cannot be processed (missing bands, another grid, corrupt or truncated file) is reported as an error and leaves no file behind; the other products go on. Cancelling stops at once and leaves no partial file. Outputs: the output folder, the list of written files and the number of failed products.

Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</source>
      <translation>Calcule un indice spectral pour chacun de plusieurs produits Theia Sentinel-2 L2A et écrit un GeoTIFF optimisé pour le cloud (COG) par produit, nommé &lt;produit&gt;_&lt;INDICE&gt;.tif, dans le dossier de sortie.

Produits : un dossier (chaque zip L2A ou dossier de produit qu'il contient directement, ou le dossier lui-même s'il s'agit d'un produit) et/ou une liste de zips ou de dossiers de produits, un chemin par ligne ou séparés par des points-virgules (dans qgis_process : --PRODUCTS="/data/a.zip;/data/b.zip").

Indice : n'importe lequel des Awesome Spectral Indices calculables avec les bandes Theia L2A, ou une formule personnelle sur B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (réflectance 0–1), qui remplace l'indice ; ses fichiers sont alors nommés &lt;produit&gt;_formula.tif.

Un produit qui ne peut pas être traité (bandes manquantes, autre grille, fichier corrompu ou tronqué) est signalé comme une erreur et ne laisse aucun fichier ; les autres produits continuent. L'annulation arrête aussitôt et ne laisse aucun fichier partiel. Sorties : le dossier de sortie, la liste des fichiers écrits et le nombre de produits en échec.

Référence : Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="289" />
      <source>Computes several spectral indices of one Theia Sentinel-2 L2A product (folder or zip, read in place) in a single pass over its bands, and writes one Cloud Optimized GeoTIFF per index, named &lt;product&gt;_&lt;INDEX&gt;.tif, in the output folder.

Indices: any of the Awesome Spectral Indices computable from Theia L2A bands (e.g. NDVI, NDWI after McFeeters, NDMI, NDSI, NBR, SAVI, EVI), and/or formulas of your own, one per line or separated by semicolons, written name = formula over the band names B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), e.g. mine = (N - R) / (N + R + 0.5). The name is used in the file name.

Output: float32 with NaN nodata, or int16 ×10000 with −10000 like Theia's own indices. Outputs: the output folder and the list of written files; opened files are styled (a diverging red–green ramp for normalised differences).

Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</source>
      <translation>Calcule plusieurs indices spectraux d'un produit Theia Sentinel-2 L2A (dossier ou zip, lu sur place) en une seule lecture de ses bandes, et écrit un GeoTIFF optimisé pour le cloud (COG) par indice, nommé &lt;produit&gt;_&lt;INDICE&gt;.tif, dans le dossier de sortie.

Indices : n'importe lesquels des Awesome Spectral Indices calculables avec les bandes Theia L2A (par ex. NDVI, NDWI d'après McFeeters, NDMI, NDSI, NBR, SAVI, EVI), et/ou des formules personnelles, une par ligne ou séparées par des points-virgules, écrites nom = formule sur les noms de bandes B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (réflectance 0–1), par ex. mon_indice = (N - R) / (N + R + 0.5). Le nom est repris dans le nom du fichier.

Sortie : float32 avec NaN comme valeur sans données, ou int16 ×10000 avec −10000 comme les indices de Theia. Sorties : le dossier de sortie et la liste des fichiers écrits ; les fichiers ouverts sont stylés (une rampe divergente rouge–vert pour les différences normalisées).

Référence : Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="164" />
      <source>Connect</source>
      <translation>Se connecter</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="533" />
      <source>Connected; form from {source}</source>
      <translation>Connecté ; formulaire construit d'après {source}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="536" />
      <source>Connecting to DSM-OPT</source>
      <translation>Connexion à DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="153" />
      <source>Connection</source>
      <translation>Connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="102" />
      <source>Connections…</source>
      <translation>Connexions…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="385" />
      <source>Copy URL</source>
      <translation>Copier l'URL</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="25" />
      <source>Cost (CPU s)</source>
      <translation>Coût (s CPU)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/footprints.py" line="158" />
      <source>Could not add footprints to {layer}</source>
      <translation>Impossible d'ajouter les emprises à {layer}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="236" />
      <source>Could not connect to the server</source>
      <translation>Connexion au serveur impossible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/stac_l2a.py" line="82" />
      <source>Could not read the STAC item {url}: {error}</source>
      <translation>Impossible de lire l'item STAC {url} : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/signing.py" line="61" />
      <source>Could not sign the asset URLs</source>
      <translation>Impossible de signer les URL des assets</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/snow_chart.py" line="111" />
      <source>Could not write {path}</source>
      <translation>Impossible d'écrire {path}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/signing.py" line="213" />
      <source>Credentials refused by the signing service {service}: expected an API key (access-key / secret-key, e.g. an “API Header” authentication configuration) or a bearer token</source>
      <translation>Identifiants refusés par le service de signature {service} : une clé d'API (access-key / secret-key, par ex. une configuration d'authentification « API Header ») ou un jeton bearer est attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/checks.py" line="125" />
      <source>Credit: the estimated cost ({cost:.0f} CPU s) exceeds your remaining credit ({credit:.0f} CPU s); reduce the region of interest or raise the resolution factor</source>
      <translation>Crédit : le coût estimé ({cost:.0f} s CPU) dépasse votre crédit restant ({credit:.0f} s CPU) ; réduisez la zone d'intérêt ou augmentez le facteur de résolution</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="166" />
      <source>Credit: unknown</source>
      <translation>Crédit : inconnu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="548" />
      <source>Credit: {credit}</source>
      <translation>Crédit : {credit}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="522" />
      <source>Custom period: end date (YYYY-MM-DD)</source>
      <translation>Période personnalisée : date de fin (AAAA-MM-JJ)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="521" />
      <source>Custom period: start date (YYYY-MM-DD, replaces the year)</source>
      <translation>Période personnalisée : date de début (AAAA-MM-JJ, remplace l'année)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="118" />
      <source>DEFLATE (readable everywhere)</source>
      <translation>DEFLATE (lisible partout)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="128" />
      <source>DEM</source>
      <translation>MNT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="255" />
      <source>DEM (metres)</source>
      <translation>MNT (mètres)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="228" />
      <source>DSM resolution factor (ZoomF)</source>
      <translation>Facteur de résolution du MNS (ZoomF)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="826" />
      <source>DSM-OPT</source>
      <translation>DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="733" />
      <source>DSM-OPT job {id}</source>
      <translation>Tâche DSM-OPT {id}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="265" />
      <source>DSM-OPT job {id} failed</source>
      <translation>La tâche DSM-OPT {id} a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="261" />
      <source>DSM-OPT job {id} failed at stage {stage}</source>
      <translation>La tâche DSM-OPT {id} a échoué à l'étape {stage}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="277" />
      <source>DSM-OPT job {id} no longer exists on the server (HTTP {status})</source>
      <translation>La tâche DSM-OPT {id} n'existe plus sur le serveur (HTTP {status})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="677" />
      <source>DSM-OPT job {id} status</source>
      <translation>État de la tâche DSM-OPT {id}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="121" />
      <source>DSM-OPT jobs</source>
      <translation>Tâches DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="95" />
      <source>DSM-OPT jobs…</source>
      <translation>Tâches DSM-OPT…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/sources.py" line="49" />
      <source>DSM-OPT products (ForM@Ter / THEIA / DINAMIS, A2S computing centre) are licensed {licence} (Creative Commons Attribution-NonCommercial 4.0): credit the service, no commercial use.</source>
      <translation>Les produits DSM-OPT (ForM@Ter / THEIA / DINAMIS, centre de calcul A2S) sont sous licence {licence} (Creative Commons Attribution-NonCommercial 4.0) : citez le service, pas d'usage commercial.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="417" />
      <source>DSM-OPT products are licensed {licence}</source>
      <translation>Les produits DSM-OPT sont sous licence {licence}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_layers.py" line="85" />
      <source>DSM-OPT result layer {code} ({title}).</source>
      <translation>Couche de résultat DSM-OPT {code} ({title}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="85" />
      <source>DSM-OPT server (OGC API - Processes landing page, or GDM API base)</source>
      <translation>Serveur DSM-OPT (page d'accueil OGC API - Processes, ou base de l'API GDM)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="120" />
      <source>DSM-OPT server: an http(s) address expected, got “{url}”</source>
      <translation>Serveur DSM-OPT : une adresse http(s) est attendue, reçu « {url} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="818" />
      <source>DSM-OPT {name}</source>
      <translation>DSM-OPT {name}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="546" />
      <source>Daily snow stack</source>
      <translation>Pile quotidienne de neige</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="65" />
      <location filename="../../theia_plugin/ui/catalogue_model.py" line="101" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="516" />
      <source>Date margin (days)</source>
      <translation>Marge de dates (jours)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="261" />
      <source>Dates</source>
      <translation>Dates</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="18" />
      <source>Dec</source>
      <translation>déc.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="67" />
      <source>Default download folder</source>
      <translation>Dossier de téléchargement par défaut</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="798" />
      <source>Delete the results of job {id} on the server?</source>
      <translation>Supprimer les résultats de la tâche {id} sur le serveur ?</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="70" />
      <source>Detailed logs (debug mode)</source>
      <translation>Journaux détaillés (mode débogage)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/log.py" line="79" />
      <source>Details…</source>
      <translation>Détails…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="157" />
      <source>Detects snow on one Theia Sentinel-2 L2A product (folder or zip, read in place, or a sentinel2-l2a-theia STAC item streamed over HTTP, its assets signed with the chosen authentication) like Theia's operational Let It Snow processor, on the 20 m grid.

Inputs: the L2A product (bands B3, B4, B11 and the cloud mask CLM_R2 are used; B3 and B4 are cubic-resampled to 20 m), a DEM covering the product in any projection and resolution (resampled bilinearly to the 20 m grid), and optionally a tree cover density raster (%) for the on-ground fractional snow cover. The advanced parameters default to the upstream Sentinel-2 values.

Outputs, written as Cloud Optimized GeoTIFFs named like Theia's products in the output folder: SEB (0 no snow, 100 snow, 205 cloud, 255 no data), FSC-TOC (fractional snow cover, 1–100 %, same codes), FSC-OG with a tree cover density, NDSI (%), an expert bit mask (1 pass 1, 2 pass 2, 4 all clouds, 8 refined clouds), and a JSON file with the snowline elevation zs (−1000 when not found), the snow and cloud percentages of the valid pixels and the parameters.

Reference: Gascoin S., Grizonnet M., Bouchet M., Salgues G., Hagolle O. (2019), Theia Snow collection: high-resolution operational snow cover maps from Sentinel-2 and Landsat-8 data, Earth System Science Data 11, 493–514.</source>
      <translation>Détecte la neige sur un produit Theia Sentinel-2 L2A (dossier ou zip, lu sur place, ou item STAC sentinel2-l2a-theia lu en flux HTTP, ses fichiers signés avec l'authentification choisie) comme la chaîne opérationnelle Let It Snow de Theia, sur la grille à 20 m.

Entrées : le produit L2A (les bandes B3, B4, B11 et le masque de nuages CLM_R2 sont utilisés ; B3 et B4 sont rééchantillonnées à 20 m en cubique), un MNT couvrant le produit dans n'importe quelle projection et résolution (rééchantillonné en bilinéaire sur la grille à 20 m) et, en option, un raster de densité du couvert arboré (%) pour la fraction de neige au sol. Les paramètres avancés valent par défaut les valeurs Sentinel-2 de la chaîne d'origine.

Sorties, écrites en GeoTIFF optimisés pour le cloud (COG) nommés comme les produits de Theia dans le dossier de sortie : SEB (0 pas de neige, 100 neige, 205 nuage, 255 sans données), FSC-TOC (fraction de surface enneigée, 1–100 %, mêmes codes), FSC-OG avec une densité du couvert arboré, NDSI (%), un masque de bits expert (1 passe 1, 2 passe 2, 4 tous nuages, 8 nuages affinés), et un fichier JSON avec l'altitude de la limite de l'enneigement zs (−1000 si elle n'est pas trouvée), les pourcentages de neige et de nuages des pixels valides et les paramètres.

Référence : Gascoin S., Grizonnet M., Bouchet M., Salgues G., Hagolle O. (2019), Theia Snow collection: high-resolution operational snow cover maps from Sentinel-2 and Landsat-8 data, Earth System Science Data 11, 493–514.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="88" />
      <source>Domain</source>
      <translation>Domaine</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1124" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1189" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1198" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1146" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1173" />
      <source>Download</source>
      <translation>Télécharger</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="275" />
      <source>Download archive</source>
      <translation>Télécharger l'archive</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1174" />
      <source>Download cancelled (files not completed were removed)</source>
      <translation>Téléchargement annulé (les fichiers incomplets ont été supprimés)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="55" />
      <source>Download catalogue assets</source>
      <translation>Télécharger des fichiers du catalogue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1178" />
      <source>Download failed</source>
      <translation>Échec du téléchargement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="390" />
      <source>Download the selected asset, else the data of the selected results</source>
      <translation>Télécharger l'asset sélectionné, sinon les données des résultats sélectionnés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="380" />
      <source>Download the zip archive</source>
      <translation>Télécharger l'archive zip</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1134" />
      <source>Download to</source>
      <translation>Télécharger dans</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="134" />
      <source>Downloaded files</source>
      <translation>Fichiers téléchargés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="852" />
      <source>Downloading the results of {id}</source>
      <translation>Téléchargement des résultats de {id}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="64" />
      <source>Downloads the assets of catalogue items into a folder: CNES GEODES product zips (which open as Theia products) or the assets of any STAC API.

Items: give their ids (GEODES: the product identifier or the URN id; one per line or separated by commas; the extent, dates and cloud cover are then not used), or search by collections, extent, dates and cloud cover; at most 'Maximum items' are taken, newest first.

Assets: asset keys or roles (e.g. B04, CLM_R1, data); empty: the data assets. Files already downloaded and complete are kept; interrupted downloads resume; checksums given by the catalogue are verified.

Authentication: GEODES downloads need an API key: choose an "API Header" configuration with header X-API-Key. An item that cannot be downloaded (e.g. an offline product) is reported and the others go on.</source>
      <translation>Télécharge les fichiers d'items de catalogue dans un dossier : les zips de produits de CNES GEODES (qui s'ouvrent comme des produits Theia) ou les fichiers de toute API STAC.

Items : donnez leurs identifiants (GEODES : l'identifiant du produit ou l'identifiant URN ; un par ligne ou séparés par des virgules ; l'emprise, les dates et la couverture nuageuse ne sont alors pas utilisées), ou cherchez par collections, emprise, dates et couverture nuageuse ; au plus « Nombre maximal d'items » sont pris, les plus récents d'abord.

Fichiers : clés ou rôles des fichiers (par ex. B04, CLM_R1, data) ; vide : les fichiers de données. Les fichiers déjà téléchargés et complets sont gardés ; les téléchargements interrompus reprennent ; les sommes de contrôle données par le catalogue sont vérifiées.

Authentification : les téléchargements GEODES demandent une clé d'API : choisissez une configuration « API Header » avec l'en-tête X-API-Key. Un item qui ne peut pas être téléchargé (par ex. un produit hors ligne) est signalé et les autres continuent.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="387" />
      <source>Download…</source>
      <translation>Télécharger…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="272" />
      <source>Duplicate</source>
      <translation>Dupliquer</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/l2b_files.py" line="192" />
      <source>Duplicated date: {files} are snow products of the same acquisition ({acquired}); keep only one of them.</source>
      <translation>Date en double : {files} sont des produits neige de la même acquisition ({acquired}) ; n'en gardez qu'un.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="785" />
      <source>Duplicating DSM-OPT job {id}</source>
      <translation>Duplication de la tâche DSM-OPT {id}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="185" />
      <source>Edit…</source>
      <translation>Modifier…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="132" />
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="102" />
      <source>End date</source>
      <translation>Date de fin</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="575" />
      <source>Estimated cost: {cost:.0f} CPU s</source>
      <translation>Coût estimé : {cost:.0f} s CPU</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="245" />
      <source>Evaluate</source>
      <translation>Estimer</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="579" />
      <source>Evaluating a DSM-OPT job</source>
      <translation>Estimation d'une tâche DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="336" />
      <source>Expected a JSON document but received {what}</source>
      <translation>Un document JSON était attendu, mais le serveur a renvoyé {what}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/stac_io.py" line="183" />
      <source>Expected a STAC JSON document but received “{snippet}”</source>
      <translation>Un document JSON STAC était attendu, mais le serveur a renvoyé « {snippet} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="192" />
      <source>Expert bit mask</source>
      <translation>Masque de bits expert</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="238" />
      <source>Expert parameters (MicMac)</source>
      <translation>Paramètres experts (MicMac)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="101" />
      <source>Extent</source>
      <translation>Emprise</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="190" />
      <source>FSC on ground</source>
      <translation>FSC au sol</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="189" />
      <source>FSC top of canopy</source>
      <translation>FSC au-dessus de la canopée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="412" />
      <location filename="../../theia_plugin/processing/snow.py" line="324" />
      <source>Failed products</source>
      <translation>Produits en échec</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="17" />
      <source>Feb</source>
      <translation>févr.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="366" />
      <source>Fetch DSM-OPT results</source>
      <translation>Récupérer les résultats DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="31" />
      <source>Find spectral indices</source>
      <translation>Rechercher des indices spectraux</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="24" />
      <source>Finished</source>
      <translation>Fin</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="104" />
      <source>First polling interval (s)</source>
      <translation>Premier intervalle d'interrogation (s)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/parameters.py" line="111" />
      <source>Folder of Theia L2A products</source>
      <translation>Dossier de produits Theia L2A</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="480" />
      <source>Folder of snow products</source>
      <translation>Dossier de produits neige</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="62" />
      <source>Folders</source>
      <translation>Dossiers</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="330" />
      <source>Follows a submitted DSM-OPT job until it ends, reporting its stage and progress. Polling starts every few seconds and slows down to once a minute; network outages are waited out. Cancelling stops waiting, not the job. Fails when the job fails, naming the stage.</source>
      <translation>Suit une tâche DSM-OPT soumise jusqu'à sa fin, en indiquant son étape et sa progression. L'interrogation du serveur a lieu d'abord toutes les quelques secondes, puis ralentit jusqu'à une fois par minute ; l'algorithme patiente pendant les coupures du réseau. L'annulation arrête l'attente, pas la tâche. Échoue quand la tâche échoue, en nommant l'étape.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="164" />
      <source>Footprints</source>
      <translation>Emprises</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="92" />
      <source>ForM@Ter GDM</source>
      <translation>ForM@Ter GDM</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="159" />
      <source>ForM@Ter GDM (native)</source>
      <translation>ForM@Ter GDM (natif)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="88" />
      <source>Formula</source>
      <translation>Formule</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="150" />
      <location filename="../../theia_plugin/processing/indices.py" line="408" />
      <location filename="../../theia_plugin/processing/indices_raster.py" line="90" />
      <source>Formula of your own (replaces the index)</source>
      <translation>Formule personnelle (remplace l'indice)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="160" />
      <source>Formula {formula!r} is not a valid expression: {reason}.</source>
      <translation>La formule {formula!r} n'est pas une expression valide : {reason}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="166" />
      <location filename="../../theia_plugin/core/indices/formula.py" line="180" />
      <source>Formula {formula!r} is too deeply nested.</source>
      <translation>La formule {formula!r} est trop imbriquée.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="249" />
      <source>Formula {formula!r}: the exponent {value:g} is too large (at most {limit:g}).</source>
      <translation>Formule {formula!r} : l'exposant {value:g} est trop grand (au plus {limit:g}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="214" />
      <source>Formula {formula!r}: the number {value} is too large.</source>
      <translation>Formule {formula!r} : le nombre {value} est trop grand.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="200" />
      <source>Formula {formula!r}: {construct} is not allowed. A formula may use numbers, band and constant names, + - * / ** and the functions {functions}.</source>
      <translation>Formule {formula!r} : {construct} n'est pas autorisé. Une formule peut utiliser des nombres, des noms de bandes et de constantes, + - * / ** et les fonctions {functions}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="222" />
      <source>Formula {formula!r}: {name} is a function, write {name}(...).</source>
      <translation>Formule {formula!r} : {name} est une fonction, écrivez {name}(...).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="240" />
      <source>Formula {formula!r}: {name}() takes {count} argument(s).</source>
      <translation>Formule {formula!r} : {name}() prend {count} argument(s).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="319" />
      <source>Formulas of your own (name = formula, one per line)</source>
      <translation>Formules personnelles (nom = formule, une par ligne)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/cog.py" line="207" />
      <source>GDAL could not write {path}.</source>
      <translation>GDAL n'a pas pu écrire {path}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="544" />
      <source>GEODES catalogue: {count} collections</source>
      <translation>Catalogue GEODES : {count} collections</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/geodes_backend.py" line="124" />
      <source>GEODES sent a search response without a “features” list</source>
      <translation>GEODES a renvoyé une réponse de recherche sans liste « features »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="109" />
      <source>HTTP {status}</source>
      <translation>HTTP {status}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="114" />
      <source>Help</source>
      <translation>Aide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="506" />
      <source>Hemisphere</source>
      <translation>Hémisphère</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="42" />
      <source>How long to wait for a server before giving up on a request.</source>
      <translation>Durée d'attente d'un serveur avant d'abandonner une requête.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="48" />
      <source>How many times a failed read request is tried again (with increasing delays).</source>
      <translation>Nombre de nouvelles tentatives d'une requête de lecture en échec (avec des délais croissants).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="496" />
      <source>Hydrological year (the year it starts)</source>
      <translation>Année hydrologique (année où elle commence)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="197" />
      <source>Image id</source>
      <translation>Identifiant de l'image</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="197" />
      <source>Incidence (°)</source>
      <translation>Incidence (°)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="429" />
      <source>Incidence angle of {id}: a number of degrees expected, got “{text}”</source>
      <translation>Angle d'incidence de {id} : un nombre de degrés est attendu, reçu « {text} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="144" />
      <location filename="../../theia_plugin/processing/indices.py" line="154" />
      <location filename="../../theia_plugin/processing/indices.py" line="402" />
      <location filename="../../theia_plugin/processing/indices_raster.py" line="84" />
      <location filename="../../theia_plugin/processing/indices_raster.py" line="94" />
      <source>Index</source>
      <translation>Indice</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="254" />
      <source>Index files</source>
      <translation>Fichiers d'indices</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="66" />
      <source>Index names</source>
      <translation>Noms des indices</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="63" />
      <source>Index table</source>
      <translation>Tableau des indices</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="312" />
      <source>Indices</source>
      <translation>Indices</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="208" />
      <source>Input images</source>
      <translation>Images d'entrée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/checks.py" line="104" />
      <source>Input images: 2 or 3 stereo images expected, {count} given</source>
      <translation>Images d'entrée : 2 ou 3 images stéréo sont attendues, {count} données</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/checks.py" line="99" />
      <source>Input images: an image id is empty</source>
      <translation>Images d'entrée : un identifiant d'image est vide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/checks.py" line="114" />
      <source>Input images: {ids} given more than once; each image must be distinct</source>
      <translation>Images d'entrée : {ids} en double ; chaque image doit être distincte</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="166" />
      <source>Int16 ×10000 output like Theia</source>
      <translation>Sortie int16 ×10000 comme Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="439" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="264" />
      <source>Invalid URL</source>
      <translation>URL invalide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/parameters.py" line="50" />
      <source>Invalid snow parameters: rf must be ≥ 1 (got {rf}) and dz &gt; 0 (got {dz})</source>
      <translation>Paramètres neige invalides : rf doit être ≥ 1 (reçu {rf}) et dz &gt; 0 (reçu {dz})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="93" />
      <source>Item ids (instead of a search)</source>
      <translation>Identifiants d'items (au lieu d'une recherche)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="242" />
      <source>Item {item} has no asset “{key}” (assets: {keys})</source>
      <translation>L'item {item} n'a pas d'asset « {key} » (assets : {keys})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="135" />
      <source>Items downloaded</source>
      <translation>Items téléchargés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="17" />
      <source>Jan</source>
      <translation>janv.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="247" />
      <location filename="../../theia_plugin/processing/dsmopt.py" line="339" />
      <location filename="../../theia_plugin/processing/dsmopt.py" line="341" />
      <location filename="../../theia_plugin/processing/dsmopt.py" line="378" />
      <source>Job id</source>
      <translation>Identifiant de la tâche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="160" />
      <source>Job id: the id of a submitted DSM-OPT job expected</source>
      <translation>Identifiant de tâche : l'identifiant d'une tâche DSM-OPT soumise est attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="212" />
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="206" />
      <source>Job name</source>
      <translation>Nom de la tâche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="769" />
      <source>Job {id} cancelled</source>
      <translation>Tâche {id} annulée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="849" />
      <source>Job {id} published no archive</source>
      <translation>La tâche {id} n'a publié aucune archive</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="782" />
      <source>Job {id} submitted (a copy)</source>
      <translation>Tâche {id} soumise (copie)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="616" />
      <source>Job {id} submitted: {state}</source>
      <translation>Tâche {id} soumise : {state}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="178" />
      <source>Jobs</source>
      <translation>Tâches</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="18" />
      <source>Jul</source>
      <translation>juil.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="17" />
      <source>Jun</source>
      <translation>juin</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="139" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="245" />
      <source>Keywords</source>
      <translation>Mots-clés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="120" />
      <source>LZW</source>
      <translation>LZW</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="465" />
      <source>Landing page URL</source>
      <translation>URL de la page d'accueil (landing page)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="234" />
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="207" />
      <source>Landscape preset</source>
      <translation>Préréglage de paysage</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="392" />
      <source>Licence</source>
      <translation>Licence</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="978" />
      <source>Links</source>
      <translation>Liens</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="369" />
      <source>Lists the result layers of a finished DSM-OPT job as GDAL URIs streamed from the server (Cloud Optimized GeoTIFF through /vsicurl/): A1 DSM quality, A3 DSM, B2 and B4 hillshades, C1 and C2 ortho-images. Optionally downloads the zip archive of every product into the output folder. Products are licensed CC-BY-NC.</source>
      <translation>Liste les couches de résultats d'une tâche DSM-OPT terminée sous forme d'URI GDAL lues en flux depuis le serveur (GeoTIFF optimisé pour le cloud (COG) via /vsicurl/) : A1 qualité du MNS, A3 MNS, B2 et B4 ombrages, C1 et C2 ortho-images. Télécharge en option l'archive zip de chaque produit dans le dossier de sortie. Les produits sont sous licence CC-BY-NC.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="401" />
      <source>Load downloaded product archives as layers</source>
      <translation>Charger les archives de produits téléchargées comme couches</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="360" />
      <source>Load more</source>
      <translation>Charger la suite</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="274" />
      <source>Load results</source>
      <translation>Charger les résultats</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_layers.py" line="151" />
      <source>Loading DSM-OPT results of {id}</source>
      <translation>Chargement des résultats DSM-OPT de {id}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_layers.py" line="180" />
      <source>Loading the DSM-OPT results was cancelled</source>
      <translation>Le chargement des résultats DSM-OPT a été annulé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="270" />
      <source>Log</source>
      <translation>Journal</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="88" />
      <source>Long name</source>
      <translation>Nom long</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="111" />
      <source>Longest polling interval (s)</source>
      <translation>Intervalle d'interrogation le plus long (s)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="17" />
      <source>Mar</source>
      <translation>mars</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="59" />
      <source>Mask clouds (CLM ≠ 0)</source>
      <translation>Masquer les nuages (CLM ≠ 0)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="62" />
      <source>Mask no-data edges (EDG)</source>
      <translation>Masquer les bords sans données (EDG)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="68" />
      <source>Mask only these cloud mask (CLM) bits (none chosen: every bit)</source>
      <translation>Masquer seulement ces bits du masque de nuages (CLM) (aucun choisi : tous les bits)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="91" />
      <source>Mask saturated pixels of the bands used (SAT)</source>
      <translation>Masquer les pixels saturés des bandes utilisées (SAT)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="144" />
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="111" />
      <source>Maximum cloud cover (%)</source>
      <translation>Couverture nuageuse maximale (%)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="120" />
      <source>Maximum items</source>
      <translation>Nombre maximal d'items</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="153" />
      <source>Maximum number of items</source>
      <translation>Nombre maximal d'items</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="17" />
      <source>May</source>
      <translation>mai</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="42" />
      <source>McFeeters (1996) water index on green and NIR, (G - N)/(G + N), for open water. It is not Gao's NDWI (NIR and SWIR, vegetation water content), which OTB calls NDWI: that one is NDMI here.</source>
      <translation>Indice d'eau de McFeeters (1996) sur le vert et le PIR, (G - N)/(G + N), pour les surfaces en eau libre. Ce n'est pas le NDWI de Gao (PIR et MIR, teneur en eau de la végétation), que l'OTB appelle NDWI : celui-ci est le NDMI ici.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="196" />
      <source>Metadata (JSON)</source>
      <translation>Métadonnées (JSON)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="239" />
      <source>More parameters (JSON object)</source>
      <translation>Paramètres supplémentaires (objet JSON)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="288" />
      <source>More parameters: a JSON object expected, got “{text}”</source>
      <translation>Paramètres supplémentaires : un objet JSON est attendu, reçu « {text} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="191" />
      <source>NDSI (%)</source>
      <translation>NDSI (%)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="48" />
      <source>NIR/SWIR moisture index, (N - S1)/(N + S1), for vegetation water content: the index OTB's RadiometricIndices calls NDWI, after Gao (1996). Also found as 'NDWI (Gao)'.</source>
      <translation>Indice d'humidité PIR/MIR, (N - S1)/(N + S1), pour la teneur en eau de la végétation : l'indice que RadiometricIndices de l'OTB appelle NDWI, d'après Gao (1996). Aussi nommé « NDWI (Gao) ».</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="88" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="694" />
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="102" />
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="19" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="53" />
      <source>Name contains</source>
      <translation>Le nom contient</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="36" />
      <source>Network</source>
      <translation>Réseau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="177" />
      <source>New job</source>
      <translation>Nouvelle tâche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="301" />
      <source>Newest first</source>
      <translation>Plus récents d'abord</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/parameters.py" line="138" />
      <source>No Theia L2A product given: choose a folder holding products or list them.</source>
      <translation>Aucun produit Theia L2A fourni : choisissez un dossier qui en contient ou listez-les.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/download.py" line="160" />
      <source>No asset matches {wanted}; the items have: {available}</source>
      <translation>Aucun fichier ne correspond à {wanted} ; les items ont : {available}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="140" />
      <source>No clear observation in the whole series: every date is cloudy or without data</source>
      <translation>Aucune observation claire dans toute la série : chaque date est nuageuse ou sans données</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="88" />
      <source>No data</source>
      <translation>Sans données</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="69" />
      <source>No data (% of all pixels)</source>
      <translation>Sans données (% de tous les pixels)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="85" />
      <source>No snow</source>
      <translation>Pas de neige</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="150" />
      <source>No snow product between {low} and {high} (the period {start} – {end} with a {margin}-day margin); the {count} products given run from {first} to {last}.</source>
      <translation>Aucun produit neige entre le {low} et le {high} (la période {start} – {end} avec une marge de {margin} jours) ; les {count} produits fournis vont du {first} au {last}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="119" />
      <source>No snow product between {start} and {end} (period with a {margin}-day margin)</source>
      <translation>Aucun produit neige entre le {start} et le {end} (période avec une marge de {margin} jours)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/l2b_files.py" line="149" />
      <source>No snow product found: expected files named like LIS_S2-SNOW-SEB_T31TCH_20190115T103421_&lt;version&gt;.tif (this plugin's snow detection), Theia's …_SNW_R2.tif or …SNOW-FSC… files.</source>
      <translation>Aucun produit neige trouvé : fichiers attendus nommés comme LIS_S2-SNOW-SEB_T31TCH_20190115T103421_&lt;version&gt;.tif (détection de la neige de cette extension), …_SNW_R2.tif de Theia ou fichiers …SNOW-FSC….</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="585" />
      <source>No snow product given: choose a folder holding snow products or list them.</source>
      <translation>Aucun produit neige fourni : choisissez un dossier qui en contient ou listez-les.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="161" />
      <source>No snow product inside the period itself: only margin dates are used.</source>
      <translation>Aucun produit neige dans la période elle-même : seules les dates de la marge sont utilisées.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="71" />
      <source>No-data value of the bands</source>
      <translation>Valeur sans données des bandes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_layers.py" line="184" />
      <source>None of the result layers of job {id} could be opened</source>
      <translation>Aucune des couches de résultats de la tâche {id} n'a pu être ouverte</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="260" />
      <source>None of the {count} items could be downloaded.</source>
      <translation>Aucun des {count} items n'a pu être téléchargé.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="461" />
      <location filename="../../theia_plugin/processing/snow.py" line="389" />
      <source>None of the {count} products could be processed.</source>
      <translation>Aucun des {count} produits n'a pu être traité.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="508" />
      <source>North (1 September – 31 August)</source>
      <translation>Nord (1er septembre – 31 août)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="452" />
      <source>Not a GEODES item: an object with an “id” was expected</source>
      <translation>Ce n'est pas un item GEODES : un objet avec un « id » était attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="437" />
      <source>Not a STAC item: an object with an “id” was expected</source>
      <translation>Ce n'est pas un item STAC : un objet avec un « id » était attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="18" />
      <source>Nov</source>
      <translation>nov.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="541" />
      <source>Number of clear observations (NOBS)</source>
      <translation>Nombre d'observations claires (NOBS)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="550" />
      <source>Number of dates</source>
      <translation>Nombre de dates</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="67" />
      <source>Number of indices</source>
      <translation>Nombre d'indices</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="172" />
      <source>Number of items</source>
      <translation>Nombre d'items</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="542" />
      <source>Number of snow state changes (NSP)</source>
      <translation>Nombre de changements d'état d'enneigement (NSP)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="92" />
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="158" />
      <source>OGC API - Processes</source>
      <translation>OGC API - Processes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="156" />
      <source>OGC API - Processes landing page or GDM API base</source>
      <translation>Page d'accueil OGC API - Processes ou base de l'API GDM</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="18" />
      <source>Oct</source>
      <translation>oct.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="302" />
      <source>Oldest first</source>
      <translation>Plus anciens d'abord</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="127" />
      <source>Only STAC connections have a signing service</source>
      <translation>Seules les connexions STAC ont un service de signature</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="248" />
      <source>Open the output files after running the algorithm</source>
      <translation>Ouvrir les fichiers produits après l'exécution de l'algorithme</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="233" />
      <source>Output CRS</source>
      <translation>SCR de sortie</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="132" />
      <location filename="../../theia_plugin/processing/dsmopt.py" line="384" />
      <location filename="../../theia_plugin/processing/indices.py" line="252" />
      <location filename="../../theia_plugin/processing/snow.py" line="186" />
      <location filename="../../theia_plugin/processing/snow.py" line="321" />
      <location filename="../../theia_plugin/processing/snow.py" line="535" />
      <source>Output folder</source>
      <translation>Dossier de sortie</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="401" />
      <source>Output folder: a folder expected to download the archive into</source>
      <translation>Dossier de sortie : un dossier où télécharger l'archive est attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="87" />
      <source>Outputs</source>
      <translation>Sorties</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/parameters.py" line="148" />
      <source>Parameter {key}: {accepted}</source>
      <translation>Paramètre {key} : {accepted}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="56" />
      <source>Pass 1: minimum NDSI</source>
      <translation>Passe 1 : NDSI minimal</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="57" />
      <source>Pass 1: minimum red (milli-reflectance)</source>
      <translation>Passe 1 : rouge minimal (milli-réflectance)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="63" />
      <source>Pass 2 only if pass-1 snow exceeds this fraction of the image</source>
      <translation>Passe 2 seulement si la neige de la passe 1 dépasse cette fraction de l'image</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="58" />
      <source>Pass 2: minimum NDSI</source>
      <translation>Passe 2 : NDSI minimal</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="59" />
      <source>Pass 2: minimum red (milli-reflectance)</source>
      <translation>Passe 2 : rouge minimal (milli-réflectance)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="88" />
      <source>Per date</source>
      <translation>Par date</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="549" />
      <source>Per-date summary (JSON)</source>
      <translation>Résumé par date (JSON)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="154" />
      <source>Pixels flagged by the cloud mask (CLM ≠ 0, Theia's own advice) or outside the swath (EDG) become nodata unless unticked. Advanced: mask only some CLM bits (e.g. 2 and 32 for clouds and their shadows), also mask MG2 flags (water, snow, topographic shadows, sun too low…) or pixels where a band used is saturated (SAT); 20 m bands are brought to 10 m by nearest neighbour or bilinear interpolation.</source>
      <translation>Les pixels signalés par le masque de nuages (CLM ≠ 0, comme le conseille Theia) ou hors de la fauchée (EDG) reçoivent la valeur sans données, sauf si ces options sont décochées. Options avancées : masquer seulement certains bits CLM (par ex. 2 et 32 pour les nuages et leurs ombres), masquer aussi des indicateurs MG2 (eau, neige, ombres topographiques, soleil trop bas…) ou les pixels où une bande utilisée est saturée (SAT) ; les bandes à 20 m sont ramenées à 10 m par plus proche voisin ou par interpolation bilinéaire.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="66" />
      <source>Products</source>
      <translation>Produits</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="22" />
      <source>Progress</source>
      <translation>Progression</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="343" />
      <source>Progress (%)</source>
      <translation>Progression (%)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="613" />
      <location filename="../../theia_plugin/ui/catalogue_filters.py" line="190" />
      <source>Property filters</source>
      <translation>Filtres sur les propriétés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="53" />
      <source>Proxy, SSL and credentials are the QGIS ones: Settings › Options › Network and Settings › Options › Authentication.</source>
      <translation>Le proxy, le SSL et les identifiants sont ceux de QGIS : Préférences › Options › Réseau et Préférences › Options › Authentification.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="273" />
      <source>Purge</source>
      <translation>Purger</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="26" />
      <source>Purge date</source>
      <translation>Date de purge</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="797" />
      <source>Purge results</source>
      <translation>Purger les résultats</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="808" />
      <source>Purging DSM-OPT job {id}</source>
      <translation>Purge de la tâche DSM-OPT {id}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_raster.py" line="61" />
      <source>Raster</source>
      <translation>Raster</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="767" />
      <source>Redirections from https to http are not followed, as they would expose the data and credentials; check the address of the service or contact its operator</source>
      <translation>Les redirections de https vers http ne sont pas suivies, car elles exposeraient les données et les identifiants ; vérifiez l'adresse du service ou contactez son exploitant</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="248" />
      <source>Reduce the region of interest, raise the resolution factor or ask ForM@Ter for more credit.</source>
      <translation>Réduisez la zone d'intérêt, augmentez le facteur de résolution ou demandez plus de crédit à ForM@Ter.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="89" />
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_raster.py" line="77" />
      <source>Reflectance offset</source>
      <translation>Décalage de réflectance</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_raster.py" line="71" />
      <source>Reflectance scale factor</source>
      <translation>Facteur d'échelle de réflectance</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="70" />
      <source>Reflectance scale of the product over milli-reflectance</source>
      <translation>Échelle de réflectance du produit par rapport à la milli-réflectance</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="219" />
      <source>Region of interest</source>
      <translation>Zone d'intérêt</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="221" />
      <source>Region of interest (xmin,ymin,xmax,ymax in EPSG:2154)</source>
      <translation>Zone d'intérêt (xmin,ymin,xmax,ymax en EPSG:2154)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/checks.py" line="173" />
      <source>Region of interest: an extent with xmin &lt; xmax and ymin &lt; ymax expected</source>
      <translation>Zone d'intérêt : une emprise avec xmin &lt; xmax et ymin &lt; ymax est attendue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="481" />
      <source>Region of interest: draw or enter the extent to compute</source>
      <translation>Zone d'intérêt : dessinez ou saisissez l'emprise à calculer</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/checks.py" line="191" />
      <source>Region of interest: not inside the footprint of {ids}; draw it where all the images overlap</source>
      <translation>Zone d'intérêt : hors de l'emprise de {ids} ; dessinez-la là où toutes les images se recouvrent</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="271" />
      <source>Region of interest: xmin,ymin,xmax,ymax with xmin &lt; xmax and ymin &lt; ymax expected, got “{roi}”</source>
      <translation>Zone d'intérêt : attendu xmin,ymin,xmax,ymax avec xmin &lt; xmax et ymin &lt; ymax, reçu « {roi} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="73" />
      <source>Remote DSM (DSM-OPT)</source>
      <translation>MNS à distance (DSM-OPT)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="186" />
      <source>Remove</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="276" />
      <source>Remove connection</source>
      <translation>Supprimer la connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="277" />
      <source>Remove the connection “{name}”?</source>
      <translation>Supprimer la connexion « {name} » ?</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_filters.py" line="71" />
      <source>Remove this filter</source>
      <translation>Supprimer ce filtre</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="44" />
      <source>Request timeout</source>
      <translation>Délai d'attente des requêtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="183" />
      <source>Resolution</source>
      <translation>Résolution</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/sources.py" line="95" />
      <source>Result layer {code} has no placed preview</source>
      <translation>La couche de résultat {code} n'a pas d'aperçu géoréférencé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="824" />
      <source>Results loaded. {notice}</source>
      <translation>Résultats chargés. {notice}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="805" />
      <source>Results of job {id} purged</source>
      <translation>Résultats de la tâche {id} purgés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="50" />
      <source>Retries</source>
      <translation>Nouvelles tentatives</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="302" />
      <source>Runs the snow detection (Let It Snow) on each of several Theia Sentinel-2 L2A products of one tile and writes each product's outputs (SEB, FSC-TOC, NDSI, expert mask, JSON metadata, named like Theia's products) into one output folder, ready for the annual snow synthesis.

Products: a folder (every L2A zip or product folder directly inside it) and/or a list of product zips or folders, one path per line or separated by semicolons. All must be of one tile (the DEM covers that tile). A product that cannot be processed is reported and leaves no file; the others go on. Outputs: the output folder, the SEB files and the number of failed products.</source>
      <translation>Lance la détection de la neige (Let It Snow) sur chacun de plusieurs produits Theia Sentinel-2 L2A d'une même tuile et écrit les sorties de chaque produit (SEB, FSC-TOC, NDSI, masque expert, métadonnées JSON, nommés comme les produits de Theia) dans un même dossier de sortie, prêtes pour la synthèse annuelle de l'enneigement.

Produits : un dossier (chaque zip L2A ou dossier de produit qu'il contient directement) et/ou une liste de zips ou de dossiers de produits, un chemin par ligne ou séparés par des points-virgules. Tous doivent être d'une même tuile (le MNT couvre cette tuile). Un produit qui ne peut pas être traité est signalé et ne laisse aucun fichier ; les autres continuent. Sorties : le dossier de sortie, les fichiers SEB et le nombre de produits en échec.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="526" />
      <source>STAC API “{title}”: item search supported ({count} conformance classes)</source>
      <translation>API STAC « {title} » : recherche d'items prise en charge ({count} classes de conformité)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/stac_l2a.py" line="207" />
      <source>STAC item {item} has no usable acquisition date (datetime: {value}).</source>
      <translation>L'item STAC {item} n'a pas de date d'acquisition utilisable (datetime : {value}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/stac_l2a.py" line="158" />
      <source>STAC item {item} lacks the asset(s) {missing} of a sentinel2-l2a-theia product (expected B02…B12, B8A, CLM_R1, EDG_R2).</source>
      <translation>Il manque à l'item STAC {item} le ou les assets {missing} d'un produit sentinel2-l2a-theia (attendus : B02…B12, B8A, CLM_R1, EDG_R2).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="694" />
      <source>Save search</source>
      <translation>Enregistrer la recherche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="838" />
      <source>Save the results archive</source>
      <translation>Enregistrer l'archive des résultats</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="321" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="677" />
      <source>Saved searches</source>
      <translation>Recherches enregistrées</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="317" />
      <source>Save…</source>
      <translation>Enregistrer…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="325" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="801" />
      <source>Search</source>
      <translation>Rechercher</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="94" />
      <source>Search Theia catalogue</source>
      <translation>Rechercher dans le catalogue Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="224" />
      <source>Search cancelled</source>
      <translation>Recherche annulée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="848" />
      <source>Search cancelled ({n} results)</source>
      <translation>Recherche annulée ({n} résultats)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="851" />
      <source>Search failed</source>
      <translation>Échec de la recherche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="853" />
      <source>Search of {name} failed</source>
      <translation>La recherche dans {name} a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="131" />
      <source>Search with a bounding box or a geometry, not both</source>
      <translation>Cherchez avec une emprise ou une géométrie, pas les deux</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="103" />
      <source>Searches a STAC API (the Theia MTD catalogue by default) or CNES GEODES by collections, area, dates, keywords and cloud cover, newest first. Outputs the footprints of the items found (their properties as fields) and a text file with their asset URLs, one per line (the given asset keys, else each item's main assets).</source>
      <translation>Cherche dans une API STAC (par défaut le catalogue MTD de Theia) ou dans GEODES du CNES par collections, emprise, dates, mots-clés et couverture nuageuse, les plus récents d'abord. Produit les emprises des items trouvés (avec leurs propriétés comme champs) et un fichier texte des URL de leurs assets, une par ligne (les clés d'assets données, sinon les assets principaux de chaque item).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="43" />
      <source>Searches the 280 Awesome Spectral Indices by name (short or long, e.g. “burn” or “NDWI”) and application domain (vegetation, water, burn, snow, urban, soil…), and writes an HTML table of the matches: name, long name, formula, bands, whether Theia L2A products have those bands, and the index's reference (DOI or URL).

Outputs: the HTML page, the matching names separated by commas and their number.</source>
      <translation>Cherche parmi les 280 Awesome Spectral Indices par nom (court ou long, par ex. « burn » ou « NDWI ») et par domaine d'application (vegetation, water, burn, snow, urban, soil…), et écrit un tableau HTML des indices trouvés : nom, nom long, formule, bandes, présence de ces bandes dans les produits Theia L2A, et référence de l'indice (DOI ou URL).

Sorties : la page HTML, les noms trouvés séparés par des virgules et leur nombre.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="827" />
      <source>Searching…</source>
      <translation>Recherche en cours…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="548" />
      <source>Season chart (PNG)</source>
      <translation>Graphique de la saison (PNG)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="547" />
      <source>Season report</source>
      <translation>Rapport de la saison</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="385" />
      <source>Select 2 or 3 image results in the Theia catalogue first</source>
      <translation>Sélectionnez d'abord 2 ou 3 images parmi les résultats du catalogue Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1124" />
      <source>Select results or an asset first</source>
      <translation>Sélectionnez d'abord des résultats ou un asset</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="18" />
      <source>Sep</source>
      <translation>sept.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="167" />
      <source>Server URL</source>
      <translation>URL du serveur</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="517" />
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="592" />
      <source>Server URL: enter the address of the DSM-OPT API</source>
      <translation>URL du serveur : saisissez l'adresse de l'API DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/poller.py" line="105" />
      <source>Server unreachable, retrying: {error}</source>
      <translation>Serveur injoignable, nouvelle tentative : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="52" />
      <source>Settings › Options › Authentication</source>
      <translation>Préférences › Options › Authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="56" />
      <source>Settings › Options › Network</source>
      <translation>Préférences › Options › Réseau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="109" />
      <source>Settings…</source>
      <translation>Paramètres…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="286" />
      <source>Several indices at once</source>
      <translation>Plusieurs indices à la fois</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="105" />
      <source>Signing service</source>
      <translation>Service de signature</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/project_resign.py" line="74" />
      <source>Signing the asset URLs of the project’s layers again</source>
      <translation>Nouvelle signature des URL des assets des couches du projet</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="151" />
      <location filename="../../theia_plugin/processing/snow.py" line="296" />
      <location filename="../../theia_plugin/processing/snow.py" line="444" />
      <location filename="../../theia_plugin/processing/snow.py" line="86" />
      <source>Snow</source>
      <translation>Neige</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/snow_chart.py" line="103" />
      <source>Snow % (of pixels with data)</source>
      <translation>Neige % (pixels avec données)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="67" />
      <source>Snow (% of pixels with data)</source>
      <translation>Neige (% des pixels avec données)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="194" />
      <source>Snow (%)</source>
      <translation>Neige (%)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="188" />
      <source>Snow (SEB)</source>
      <translation>Neige (SEB)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="323" />
      <source>Snow (SEB) files</source>
      <translation>Fichiers neige (SEB)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="60" />
      <source>Snow and cloud cover per date</source>
      <translation>Enneigement et couverture nuageuse par date</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="538" />
      <source>Snow cover duration (SCD, days)</source>
      <translation>Durée d'enneigement (SCD, jours)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="148" />
      <source>Snow detection (Let It Snow)</source>
      <translation>Détection de la neige (Let It Snow)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/detection.py" line="296" />
      <source>Snow detection inputs must share one 2-D grid; got {shapes}</source>
      <translation>Les entrées de la détection de neige doivent partager une même grille 2D ; reçu {shapes}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="293" />
      <source>Snow detection over several products</source>
      <translation>Détection de la neige sur plusieurs produits</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="540" />
      <source>Snow melt-out date (SMOD)</source>
      <translation>Date de disparition de la neige (SMOD)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="539" />
      <source>Snow onset date (SOD)</source>
      <translation>Date d'apparition de la neige (SOD)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="47" />
      <source>Snow product codes must lie in 0–255; found values from {low} to {high}</source>
      <translation>Les codes d'un produit neige doivent être compris entre 0 et 255 ; valeurs trouvées de {low} à {high}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="488" />
      <source>Snow product files (one path per line)</source>
      <translation>Fichiers de produits neige (un chemin par ligne)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="44" />
      <source>Snow season {start} – {end}, tile {tile}</source>
      <translation>Saison d'enneigement {start} – {end}, tuile {tile}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/snow_chart.py" line="91" />
      <source>Snow-covered area and cloud cover per date, {start} – {end}</source>
      <translation>Surface enneigée et couverture nuageuse par date, {start} – {end}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="193" />
      <source>Snowline elevation zs (m)</source>
      <translation>Altitude de la limite de l'enneigement zs (m)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="189" />
      <source>Snowline zs = {zs} m; the second pass is disabled.</source>
      <translation>Limite de l'enneigement zs = {zs} m ; la seconde passe est désactivée.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="187" />
      <source>Snowline zs = {zs} m; the second pass is enabled.</source>
      <translation>Limite de l'enneigement zs = {zs} m ; la seconde passe est activée.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="60" />
      <source>Snowline: elevation band height dz (m)</source>
      <translation>Limite de l'enneigement : hauteur des tranches d'altitude dz (m)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="62" />
      <source>Snowline: minimum clear fraction of a band</source>
      <translation>Limite de l'enneigement : fraction claire minimale d'une tranche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="61" />
      <source>Snowline: minimum snow fraction of clear pixels in a band</source>
      <translation>Limite de l'enneigement : fraction minimale de neige parmi les pixels clairs d'une tranche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/project_resign.py" line="162" />
      <source>Some layers of the project could not be signed again: they may not display</source>
      <translation>Certaines couches du projet n'ont pas pu être signées à nouveau : elles risquent de ne pas s'afficher</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="303" />
      <source>Sort</source>
      <translation>Tri</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="509" />
      <source>South (1 March – end of February)</source>
      <translation>Sud (1er mars – fin février)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="111" />
      <source>Spectral index</source>
      <translation>Indice spectral</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_raster.py" line="32" />
      <source>Spectral index of any raster</source>
      <translation>Indice spectral d'un raster quelconque</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="374" />
      <source>Spectral index over several products</source>
      <translation>Indice spectral sur plusieurs produits</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="114" />
      <location filename="../../theia_plugin/processing/indices.py" line="236" />
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="34" />
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="94" />
      <location filename="../../theia_plugin/processing/indices_raster.py" line="35" />
      <source>Spectral indices</source>
      <translation>Indices spectraux</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="21" />
      <source>Stage</source>
      <translation>Étape</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="236" />
      <source>Standard parameters</source>
      <translation>Paramètres standard</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="132" />
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="102" />
      <source>Start date</source>
      <translation>Date de début</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="23" />
      <source>Started</source>
      <translation>Début</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="248" />
      <location filename="../../theia_plugin/processing/dsmopt.py" line="342" />
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="20" />
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/checks.py" line="145" />
      <source>Stereo geometry: the convergence angle between {a} and {b} is {angle:.1f}°; it must be below {limit:.0f}° (5–15° is ideal)</source>
      <translation>Géométrie stéréo : l'angle de convergence entre {a} et {b} est de {angle:.1f}° ; il doit être inférieur à {limit:.0f}° (l'idéal est 5–15°)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/checks.py" line="156" />
      <source>Stereo geometry: the convergence angle is {angle:.1f}°, outside the ideal {low:.0f}–{high:.0f}° (heights will be less precise)</source>
      <translation>Géométrie stéréo : l'angle de convergence est de {angle:.1f}°, hors de l'intervalle idéal {low:.0f}–{high:.0f}° (les altitudes seront moins précises)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="215" />
      <source>Stereo images (2 or 3 ids)</source>
      <translation>Images stéréo (2 ou 3 identifiants)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="255" />
      <source>Stereo images: 2 or 3 image ids expected, got {count}</source>
      <translation>Images stéréo : 2 ou 3 identifiants d'images attendus, reçu {count}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="287" />
      <source>Stop download</source>
      <translation>Arrêter le téléchargement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/poller.py" line="155" />
      <location filename="../../theia_plugin/core/dsmopt/poller.py" line="93" />
      <source>Stopped waiting for the DSM-OPT job</source>
      <translation>Attente de la tâche DSM-OPT interrompue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="247" />
      <source>Submit</source>
      <translation>Soumettre</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="194" />
      <source>Submit DSM-OPT job</source>
      <translation>Soumettre une tâche DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="197" />
      <source>Submits a DSM-OPT job (ForM@Ter / THEIA / DINAMIS): a digital surface model, hillshades and ortho-images computed with MicMac from 2 or 3 Pléiades or SPOT stereo images, on the A2S computing centre. The job's cost (CPU seconds) is counted against your credit.

Images: the ids of the 2–3 stereo images, separated by commas or new lines. Region of interest: xmin,ymin,xmax,ymax in Lambert-93 (EPSG:2154), empty for the whole images. With “Wait for the end” the algorithm follows the job through its seven stages (it may take hours); otherwise it returns the job id at once: use “Wait for DSM-OPT job” and “Fetch DSM-OPT results” later. The job is remembered in your QGIS profile. Products are licensed CC-BY-NC.</source>
      <translation>Soumet une tâche DSM-OPT (ForM@Ter / THEIA / DINAMIS) : un modèle numérique de surface, des ombrages et des ortho-images calculés avec MicMac à partir de 2 ou 3 images stéréo Pléiades ou SPOT, sur le centre de calcul A2S. Le coût de la tâche (en secondes CPU) est décompté de votre crédit.

Images : les identifiants des 2–3 images stéréo, séparés par des virgules ou des retours à la ligne. Zone d'intérêt : xmin,ymin,xmax,ymax en Lambert-93 (EPSG:2154), vide pour les images entières. Avec « Attendre la fin de la tâche », l'algorithme suit la tâche à travers ses sept étapes (cela peut prendre des heures) ; sinon, il renvoie aussitôt l'identifiant de la tâche : utilisez ensuite « Attendre une tâche DSM-OPT » et « Récupérer les résultats DSM-OPT ». La tâche est mémorisée dans votre profil QGIS. Les produits sont sous licence CC-BY-NC.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="311" />
      <source>Submitted DSM-OPT job {id}</source>
      <translation>Tâche DSM-OPT {id} soumise</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="624" />
      <source>Submitting a DSM-OPT job</source>
      <translation>Soumission d'une tâche DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="211" />
      <source>Take the images selected in the Theia catalogue dock, with their incidence angles and footprints when the catalogue gives them</source>
      <translation>Prendre les images sélectionnées dans le panneau du catalogue Theia, avec leurs angles d'incidence et leurs emprises quand le catalogue les donne</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="187" />
      <source>Test</source>
      <translation>Tester</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="63" />
      <source>Testing connection {name}</source>
      <translation>Test de la connexion {name}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="293" />
      <source>Testing {url}…</source>
      <translation>Test de {url}…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="169" />
      <source>Text files (*.txt)</source>
      <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/themes.py" line="70" />
      <source>The CES theme id “{id}” is used twice</source>
      <translation>L'identifiant de thème de CES « {id} » est utilisé deux fois</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/themes.py" line="79" />
      <source>The CES themes file is malformed: {error}</source>
      <translation>Le fichier des thèmes des CES est mal formé : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/detection.py" line="354" />
      <source>The DEM does not cover the whole image ({count} pixels without elevation)</source>
      <translation>Le MNT ne couvre pas toute l'image ({count} pixels sans altitude)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="171" />
      <source>The DEM {path} has no elevation for {count} pixels of the product (rows {start}–{end} of the 20 m grid): it must cover the whole product with valid values.</source>
      <translation>Le MNT {path} n'a pas d'altitude pour {count} pixels du produit (lignes {start}–{end} de la grille à 20 m) : il doit couvrir tout le produit avec des valeurs valides.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="145" />
      <source>The DEM {path} is not on the product's 20 m grid: it is resampled onto it (bilinear).</source>
      <translation>Le MNT {path} n'est pas sur la grille à 20 m du produit : il y est rééchantillonné (bilinéaire).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/backend.py" line="95" />
      <source>The DSM-OPT server refused the job: {message}</source>
      <translation>Le serveur DSM-OPT a refusé la tâche : {message}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/ogc.py" line="221" />
      <source>The DSM-OPT server sent an answer that is not a JSON object ({what})</source>
      <translation>Le serveur DSM-OPT a renvoyé une réponse qui n'est pas un objet JSON ({what})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="373" />
      <source>The QGIS authentication system is not available</source>
      <translation>Le système d'authentification de QGIS n'est pas disponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/stac_backend.py" line="209" />
      <source>The STAC API {url} does not support item search</source>
      <translation>L'API STAC {url} ne permet pas la recherche d'items</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="418" />
      <source>The answer is not a {service} GetCapabilities document ({error})</source>
      <translation>La réponse n'est pas un document GetCapabilities {service} ({error})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="487" />
      <source>The authentication configuration “{id}” could not be applied</source>
      <translation>La configuration d'authentification « {id} » n'a pas pu être appliquée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="397" />
      <source>The authentication configuration “{id}” could not be read</source>
      <translation>La configuration d'authentification « {id} » n'a pas pu être lue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="380" />
      <source>The authentication configuration “{id}” does not exist</source>
      <translation>La configuration d'authentification « {id} » n'existe pas</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="406" />
      <source>The authentication method “{method}” is not available in this QGIS</source>
      <translation>La méthode d'authentification « {method} » n'est pas disponible dans ce QGIS</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="259" />
      <location filename="../../theia_plugin/core/catalogue/model.py" line="256" />
      <source>The bounding box must be four numbers: west, south, east, north</source>
      <translation>L'emprise doit être quatre nombres : ouest, sud, est, nord</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="278" />
      <source>The bounding box south ({south}) must be less than its north ({north})</source>
      <translation>Le sud de l'emprise ({south}) doit être inférieur à son nord ({north})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="272" />
      <source>The bounding box west ({west}) must be less than its east ({east})</source>
      <translation>L'ouest de l'emprise ({west}) doit être inférieur à son est ({east})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="295" />
      <source>The built-in connection “{name}” cannot be changed, only its authentication</source>
      <translation>La connexion intégrée « {name} » ne peut pas être modifiée, seulement son authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="311" />
      <source>The built-in connection “{name}” cannot be removed</source>
      <translation>La connexion intégrée « {name} » ne peut pas être supprimée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="195" />
      <source>The catalogue URL “{url}” must start with http:// or https://</source>
      <translation>L'URL du catalogue « {url} » doit commencer par http:// ou https://</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="118" />
      <source>The catalogue URL “{url}” of “{name}” must start with http:// or https://</source>
      <translation>L'URL du catalogue « {url} » de « {name} » doit commencer par http:// ou https://</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="216" />
      <source>The catalogue found no item for this search.</source>
      <translation>Le catalogue n'a trouvé aucun item pour cette recherche.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="705" />
      <source>The catalogue {url} of the saved search is not among the connections</source>
      <translation>Le catalogue {url} de la recherche enregistrée ne fait pas partie des connexions</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="106" />
      <source>The connection name “{name}” must not contain “/” or “\”</source>
      <translation>Le nom de connexion « {name} » ne doit contenir ni « / » ni « \ »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="701" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="286" />
      <source>The connection to the server was interrupted</source>
      <translation>La connexion au serveur a été interrompue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="185" />
      <source>The date margin must be 0 or more days (got {value}).</source>
      <translation>La marge de dates doit être de 0 jour ou plus (reçu {value}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="983" />
      <source>The download was interrupted</source>
      <translation>Le téléchargement a été interrompu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="1043" />
      <source>The downloaded file has {size} bytes instead of {expected}</source>
      <translation>Le fichier téléchargé fait {size} octets au lieu de {expected}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="1053" />
      <source>The downloaded file is corrupted (checksum {actual})</source>
      <translation>Le fichier téléchargé est corrompu (somme de contrôle {actual})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="323" />
      <source>The end date “{value}” is not a date (expected e.g. 2021-06-30)</source>
      <translation>La date de fin « {value} » n'est pas une date (attendu par ex. 2021-06-30)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="242" />
      <source>The estimated cost of the job ({cost} CPU s) exceeds your remaining credit ({credit} CPU s)</source>
      <translation>Le coût estimé de la tâche ({cost} s CPU) dépasse votre crédit restant ({credit} s CPU)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="339" />
      <source>The filter on “{name}” must be (operator, value) with an operator among {ops}</source>
      <translation>Le filtre sur « {name} » doit être (opérateur, valeur) avec un opérateur parmi {ops}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_filters.py" line="153" />
      <source>The filter on “{name}” needs a value</source>
      <translation>Le filtre sur « {name} » demande une valeur</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/jobs.py" line="131" />
      <source>The first submission with this key failed; submit the job again</source>
      <translation>La première soumission avec cette clé a échoué ; soumettez à nouveau la tâche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="148" />
      <source>The formula is empty.</source>
      <translation>La formule est vide.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="151" />
      <source>The formula is too long ({length} characters, at most {limit}).</source>
      <translation>La formule est trop longue ({length} caractères, au plus {limit}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/jobs.py" line="90" />
      <source>The inputs of job {id} are not known here: it cannot be duplicated</source>
      <translation>Les entrées de la tâche {id} ne sont pas connues ici : elle ne peut pas être dupliquée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/download.py" line="164" />
      <source>The items have no data asset to download</source>
      <translation>Les items n'ont aucun fichier de données à télécharger</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="178" />
      <source>The link may have expired: search again to get a fresh one</source>
      <translation>Le lien a peut-être expiré : relancez la recherche pour en obtenir un nouveau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="149" />
      <source>The maximum cloud cover must be between 0 and 100 %, not {value}</source>
      <translation>La couverture nuageuse maximale doit être comprise entre 0 et 100 %, pas {value}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="97" />
      <source>The network request failed</source>
      <translation>La requête réseau a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="165" />
      <source>The page size must be a whole number from 1 to {maximum}, not {value}</source>
      <translation>La taille de page doit être un nombre entier de 1 à {maximum}, pas {value}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="342" />
      <source>The products are of several tiles ({tiles}); give the products of one tile (the DEM and the synthesis cover one tile).</source>
      <translation>Les produits sont de plusieurs tuiles ({tiles}) ; donnez les produits d'une seule tuile (le MNT et la synthèse couvrent une seule tuile).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="251" />
      <source>The proxy refused the connection</source>
      <translation>Le proxy a refusé la connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="250" />
      <source>The proxy requires authentication</source>
      <translation>Le proxy demande une authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="693" />
      <source>The proxy {proxy} refused the connection</source>
      <translation>Le proxy {proxy} a refusé la connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_raster.py" line="99" />
      <source>The raster could not be opened.</source>
      <translation>Le raster n'a pas pu être ouvert.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/inputs.py" line="229" />
      <source>The reflectance scale factor must be a finite number other than 0.</source>
      <translation>Le facteur d'échelle de réflectance doit être un nombre fini différent de 0.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="223" />
      <source>The request timed out</source>
      <translation>La requête a dépassé le délai d'attente</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="173" />
      <source>The resource is no longer available</source>
      <translation>La ressource n'est plus disponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="174" />
      <source>The resource was not found</source>
      <translation>La ressource est introuvable</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="291" />
      <source>The results of DSM-OPT job {id} were purged from the server</source>
      <translation>Les résultats de la tâche DSM-OPT {id} ont été purgés du serveur</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="289" />
      <source>The results of DSM-OPT job {id} were purged from the server on {date}</source>
      <translation>Les résultats de la tâche DSM-OPT {id} ont été purgés du serveur le {date}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="191" />
      <source>The saved catalogue connections are not valid JSON: {error}</source>
      <translation>Les connexions de catalogue enregistrées ne sont pas un JSON valide : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="194" />
      <source>The saved catalogue connections must be a list of objects</source>
      <translation>Les connexions de catalogue enregistrées doivent être une liste d'objets</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="58" />
      <source>The saved search “{name}” is not valid: {error}</source>
      <translation>La recherche enregistrée « {name} » n'est pas valide : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="92" />
      <source>The saved searches file {path} cannot be read: {error}</source>
      <translation>Le fichier des recherches enregistrées {path} ne peut pas être lu : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="103" />
      <source>The saved searches file {path} has version {found}; expected {expected}</source>
      <translation>Le fichier des recherches enregistrées {path} est en version {found} ; la version {expected} est attendue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="98" />
      <source>The saved searches file {path} must hold {{"version": 1, "searches": [...]}}</source>
      <translation>Le fichier des recherches enregistrées {path} doit contenir {{"version": 1, "searches": [...]}}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="305" />
      <source>The search geometry must be a GeoJSON {types} with coordinates</source>
      <translation>La géométrie de recherche doit être un {types} GeoJSON avec des coordonnées</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="227" />
      <source>The search of {url} failed: {error}</source>
      <translation>La recherche dans {url} a échoué : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="265" />
      <source>The secure connection (TLS/SSL) failed</source>
      <translation>La connexion sécurisée (TLS/SSL) a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/ogc.py" line="88" />
      <source>The server accepted the job but gave neither a job id nor a Location</source>
      <translation>Le serveur a accepté la tâche mais n'a donné ni identifiant de tâche ni en-tête Location</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="461" />
      <source>The server asks for credentials: choose an authentication configuration for this connection</source>
      <translation>Le serveur demande des identifiants : choisissez une configuration d'authentification pour cette connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="220" />
      <source>The server did not answer within {seconds} s</source>
      <translation>Le serveur n'a pas répondu en {seconds} s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="205" />
      <source>The server failed to process the request</source>
      <translation>Le serveur n'a pas pu traiter la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="226" />
      <source>The server may be overloaded or your connection slow: try again later, or increase the timeout ({settings} › Timeout)</source>
      <translation>Le serveur est peut-être surchargé ou votre connexion lente : réessayez plus tard, ou augmentez le délai d'attente ({settings} › Délai d'attente)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/ogc.py" line="91" />
      <source>The server may not support asynchronous execution</source>
      <translation>Le serveur ne prend peut-être pas en charge l'exécution asynchrone</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="707" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="280" />
      <source>The server name could not be resolved</source>
      <translation>Le nom du serveur n'a pas pu être résolu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="190" />
      <source>The server received too many requests</source>
      <translation>Le serveur a reçu trop de requêtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="766" />
      <source>The server redirected to an insecure (http) address</source>
      <translation>Le serveur a redirigé vers une adresse non sécurisée (http)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="762" />
      <source>The server redirected to an unsupported address</source>
      <translation>Le serveur a redirigé vers une adresse non prise en charge</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="777" />
      <source>The server redirects in a loop: check the address of the service</source>
      <translation>Le serveur redirige en boucle : vérifiez l'adresse du service</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="456" />
      <source>The server refused the credentials of the authentication configuration “{authcfg}”: check it, or choose another one</source>
      <translation>Le serveur a refusé les identifiants de la configuration d'authentification « {authcfg} » : vérifiez-la, ou choisissez-en une autre</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="140" />
      <source>The server rejected the request</source>
      <translation>Le serveur a rejeté la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="507" />
      <source>The server resumed the download at the wrong position</source>
      <translation>Le serveur a repris le téléchargement à la mauvaise position</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="285" />
      <source>The server sent an invalid response</source>
      <translation>Le serveur a renvoyé une réponse invalide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="614" />
      <source>The server's queryables could not be read: {error}</source>
      <translation>Les propriétés interrogeables du serveur n'ont pas pu être lues : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="204" />
      <source>The service is temporarily unavailable</source>
      <translation>Le service est temporairement indisponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="123" />
      <source>The signing service URL “{url}” of “{name}” must start with http:// or https://</source>
      <translation>L'URL du service de signature « {url} » de « {name} » doit commencer par http:// ou https://</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/signing.py" line="208" />
      <source>The signing service refused the credentials</source>
      <translation>Le service de signature a refusé les identifiants</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/signing.py" line="231" />
      <source>The signing service {service} failed</source>
      <translation>Le service de signature {service} a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/signing.py" line="221" />
      <source>The signing service {service} is unreachable</source>
      <translation>Le service de signature {service} est injoignable</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/signing.py" line="255" />
      <source>The signing service {service} sent a malformed answer (expected {{"hrefs": {{url: signed url}}, "expiry": …}})</source>
      <translation>Le service de signature {service} a renvoyé une réponse mal formée (attendu {{"hrefs": {{url: signed url}}, "expiry": …}})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/l2b_files.py" line="166" />
      <source>The snow products are of different tiles ({tiles}); a synthesis covers one tile.</source>
      <translation>Les produits neige sont de tuiles différentes ({tiles}) ; une synthèse couvre une seule tuile.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="158" />
      <source>The sort order needs a field name</source>
      <translation>Le tri a besoin d'un nom de champ</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="136" />
      <source>The start date ({start}) is after the end date ({end})</source>
      <translation>La date de début ({start}) est postérieure à la date de fin ({end})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="321" />
      <source>The start date “{value}” is not a date (expected e.g. 2021-06-30)</source>
      <translation>La date de début « {value} » n'est pas une date (attendu par ex. 2021-06-30)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/parameters.py" line="104" />
      <source>The synthesis needs a hydrological year or a start and end date</source>
      <translation>La synthèse a besoin d'une année hydrologique ou d'une date de début et de fin</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="110" />
      <source>The synthesis period ends ({end}) before it starts ({start})</source>
      <translation>La période de synthèse se termine ({end}) avant de commencer ({start})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="73" />
      <source>The test did not complete</source>
      <translation>Le test n'a pas abouti</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="77" />
      <source>The test was cancelled</source>
      <translation>Le test a été annulé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="555" />
      <source>The {service} service answers but publishes no layer</source>
      <translation>Le service {service} répond mais ne publie aucune couche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="81" />
      <location filename="../../theia_plugin/ui/project_resign.py" line="161" />
      <source>Theia</source>
      <translation>Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/provider.py" line="43" />
      <source>Theia (Data Terra) — version {}</source>
      <translation>Theia (Data Terra) — version {}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="89" />
      <source>Theia L2A</source>
      <translation>Theia L2A</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/parameters.py" line="31" />
      <source>Theia L2A product (zip or folder)</source>
      <translation>Produit Theia L2A (zip ou dossier)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/parameters.py" line="29" />
      <source>Theia L2A product (zip, folder, or STAC item URL / .json)</source>
      <translation>Produit Theia L2A (zip, dossier, ou URL / .json d'un item STAC)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/parameters.py" line="119" />
      <source>Theia L2A products (zips or folders, one path per line)</source>
      <translation>Produits Theia L2A (zips ou dossiers, un chemin par ligne)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="169" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="114" />
      <source>Theia catalogue</source>
      <translation>Catalogue Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="86" />
      <source>Theia connection</source>
      <translation>Connexion Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="174" />
      <source>Theia connections</source>
      <translation>Connexions Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="72" />
      <source>Theia plugin version {}</source>
      <translation>Extension Theia, version {}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="809" />
      <source>Theia search {time}</source>
      <translation>Recherche Theia {time}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="218" />
      <source>Theia snow (daily)</source>
      <translation>Neige Theia (quotidienne)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="529" />
      <source>Theia: collections of {url}</source>
      <translation>Theia : collections de {url}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1156" />
      <source>Theia: downloading {n} files to {folder}</source>
      <translation>Theia : téléchargement de {n} fichiers dans {folder}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="592" />
      <source>Theia: filters of {ids}</source>
      <translation>Theia : filtres de {ids}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1070" />
      <source>Theia: preparing {item}</source>
      <translation>Theia : préparation de {item}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1033" />
      <source>Theia: preparing {name}</source>
      <translation>Theia : préparation de {name}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="821" />
      <source>Theia: searching {name}</source>
      <translation>Theia : recherche dans {name}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="906" />
      <source>Theia: signing asset URLs</source>
      <translation>Theia : signature des URL des assets</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="886" />
      <source>Theia: thumbnails</source>
      <translation>Theia : vignettes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="268" />
      <source>There is no connection named “{name}”</source>
      <translation>Il n'existe aucune connexion nommée « {name} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/saved_searches.py" line="115" />
      <source>There is no saved search named “{name}”</source>
      <translation>Il n'existe aucune recherche enregistrée nommée « {name} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/jobs.py" line="134" />
      <source>This job is already being submitted; wait for that submission to finish</source>
      <translation>Cette tâche est déjà en cours de soumission ; attendez la fin de cette soumission</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="572" />
      <source>This server gives no cost estimate before a run</source>
      <translation>Ce serveur ne donne pas d'estimation du coût avant une exécution</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_model.py" line="101" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="776" />
      <source>Too many redirects</source>
      <translation>Trop de redirections</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="131" />
      <source>Tree cover density</source>
      <translation>Densité du couvert arboré</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="258" />
      <source>Tree cover density (%) for FSC-OG</source>
      <translation>Densité du couvert arboré (%) pour le FSC-OG</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="208" />
      <source>Try again later; if the problem persists, contact the service operator</source>
      <translation>Réessayez plus tard ; si le problème persiste, contactez l'exploitant du service</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="702" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="287" />
      <source>Try again; if it persists, check your connection or proxy</source>
      <translation>Réessayez ; si cela persiste, vérifiez votre connexion ou votre proxy</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="1058" />
      <source>Try the download again</source>
      <translation>Relancez le téléchargement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="222" />
      <source>Two indices would be written to the same file: {first} and {second}.</source>
      <translation>Deux indices seraient écrits dans le même fichier : {first} et {second}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="103" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="104" />
      <source>URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="1010" />
      <source>Unexpected HTTP {status} for a download</source>
      <translation>Réponse HTTP {status} inattendue pour un téléchargement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/themes.py" line="108" />
      <source>Unknown CES theme “{id}”</source>
      <translation>Thème de CES « {id} » inconnu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/backend.py" line="124" />
      <source>Unknown DSM-OPT backend “{kind}”: expected one of {kinds}</source>
      <translation>API DSM-OPT « {kind} » inconnue : attendu l'une de {kinds}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="305" />
      <source>Unknown band or constant {names} in formula {formula!r}. Known: {known}.</source>
      <translation>Bande ou constante {names} inconnue dans la formule {formula!r}. Connues : {known}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="112" />
      <source>Unknown catalogue kind “{kind}” (expected one of {kinds})</source>
      <translation>Type de catalogue « {kind} » inconnu (attendu : l'un de {kinds})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/cog.py" line="70" />
      <source>Unknown compression {name}; expected one of {known}.</source>
      <translation>Compression {name} inconnue ; attendu l'une de {known}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="218" />
      <source>Unknown fields in the saved search: {names}</source>
      <translation>Champs inconnus dans la recherche enregistrée : {names}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/parameters.py" line="107" />
      <source>Unknown hemisphere {value!r}: expected 'north' or 'south'</source>
      <translation>Hémisphère {value!r} inconnu : 'north' ou 'south' attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="165" />
      <source>Unknown spectral index {name!r}. Did you mean: {suggestions}?</source>
      <translation>Indice spectral {name!r} inconnu. Vouliez-vous dire : {suggestions} ?</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="167" />
      <source>Unknown spectral index {name!r}. Search the catalogue by name or domain.</source>
      <translation>Indice spectral {name!r} inconnu. Cherchez dans le catalogue par nom ou par domaine.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="400" />
      <source>Unlock the authentication database with its master password</source>
      <translation>Déverrouillez la base d'authentification avec son mot de passe principal</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="409" />
      <source>Update QGIS or use another authentication configuration ({settings})</source>
      <translation>Mettez QGIS à jour ou utilisez une autre configuration d'authentification ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="225" />
      <source>Use the map canvas extent</source>
      <translation>Utiliser l'emprise du canevas de carte</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="209" />
      <source>Use the selected catalogue results</source>
      <translation>Utiliser les résultats sélectionnés du catalogue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_filters.py" line="135" />
      <source>Value (comma-separated for “in”)</source>
      <translation>Valeur (séparées par des virgules pour « in »)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="196" />
      <source>Wait a moment and try again</source>
      <translation>Patientez un instant puis réessayez</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="327" />
      <source>Wait for DSM-OPT job</source>
      <translation>Attendre une tâche DSM-OPT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="244" />
      <source>Wait for the end of the job</source>
      <translation>Attendre la fin de la tâche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="195" />
      <source>Wait {seconds} s and try again</source>
      <translation>Patientez {seconds} s puis réessayez</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="86" />
      <source>Warnings</source>
      <translation>Avertissements</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/detection.py" line="335" />
      <source>Window rows {start}–{end} × {cols} columns lie outside the image {shape}</source>
      <translation>Les lignes {start}–{end} × {cols} colonnes de la fenêtre sortent de l'image {shape}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="243" />
      <source>Words to find in titles and descriptions</source>
      <translation>Mots à chercher dans les titres et les descriptions</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="531" />
      <source>Write the daily snow stack (one band per day)</source>
      <translation>Écrire la pile quotidienne de neige (une bande par jour)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="262" />
      <source>Write the expert bit mask</source>
      <translation>Écrire le masque de bits expert</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="119" />
      <source>ZSTD (faster to write; needs GDAL ≥ 2.3, as every current QGIS has)</source>
      <translation>ZSTD (plus rapide à écrire ; demande GDAL ≥ 2.3, comme tout QGIS actuel)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="150" />
      <source>Zoom levels must satisfy 0 ≤ zmin ≤ zmax (zmin {zmin}, zmax {zmax})</source>
      <translation>Les niveaux de zoom doivent vérifier 0 ≤ zmin ≤ zmax (zmin {zmin}, zmax {zmax})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="357" />
      <source>[{n}/{total}] snow detection of {product}</source>
      <translation>[{n}/{total}] détection de la neige sur {product}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="441" />
      <source>[{n}/{total}] {index} of {product}</source>
      <translation>[{n}/{total}] {index} de {product}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="231" />
      <source>[{n}/{total}] {item}: {files} files</source>
      <translation>[{n}/{total}] {item} : {files} fichiers</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="487" />
      <source>a GEODES catalogue</source>
      <translation>un catalogue GEODES</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="486" />
      <source>a STAC API</source>
      <translation>une API STAC</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="488" />
      <source>a WMS service</source>
      <translation>un service WMS</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="489" />
      <source>a WMTS service</source>
      <translation>un service WMTS</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="86" />
      <source>a comprehension</source>
      <translation>une compréhension</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="84" />
      <source>a list, tuple, set or dict</source>
      <translation>une liste, un tuple, un ensemble ou un dictionnaire</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="329" />
      <source>an empty body</source>
      <translation>une réponse vide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="80" />
      <source>and/or</source>
      <translation>and/or</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="72" />
      <source>attribute access (a.b)</source>
      <translation>l'accès à un attribut (a.b)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="104" />
      <source>bilinear interpolation</source>
      <translation>interpolation bilinéaire</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="137" />
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="190" />
      <source>block_rows must be at least 1 (got {value})</source>
      <translation>block_rows doit valoir au moins 1 (reçu {value})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="236" />
      <source>calling {name}()</source>
      <translation>l'appel de {name}()</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="47" />
      <source>cloud shadows (MG2)</source>
      <translation>ombres de nuages (MG2)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="46" />
      <source>clouds (MG2)</source>
      <translation>nuages (MG2)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="78" />
      <source>comparison</source>
      <translation>la comparaison</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="332" />
      <source>content of unknown type</source>
      <translation>un contenu de type inconnu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="184" />
      <source>finest of the bands used</source>
      <translation>la plus fine des bandes utilisées</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="270" />
      <source>from</source>
      <translation>du</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="43" />
      <source>hidden by relief</source>
      <translation>caché par le relief</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="82" />
      <source>if/else</source>
      <translation>if/else</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="74" />
      <source>indexing (a[i])</source>
      <translation>l'indexation (a[i])</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/backend.py" line="97" />
      <source>invalid input (HTTP {status})</source>
      <translation>entrée invalide (HTTP {status})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="532" />
      <source>known parameters</source>
      <translation>les paramètres connus</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="76" />
      <source>lambda</source>
      <translation>lambda</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="49" />
      <source>margin</source>
      <translation>marge</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/browser.py" line="286" />
      <source>more…</source>
      <translation>suite…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="104" />
      <source>nearest neighbour</source>
      <translation>plus proche voisin</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="80" />
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/download.py" line="161" />
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="68" />
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/snow_styles.py" line="77" />
      <source>none / {day}</source>
      <translation>aucune / {day}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/connections_dialog.py" line="95" />
      <source>optional: URL-signing service of the assets</source>
      <translation>facultatif : service de signature des URL des assets</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="294" />
      <source>run the job again (duplicate it) to get them back</source>
      <translation>relancez la tâche (dupliquez-la) pour les récupérer</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="247" />
      <location filename="../../theia_plugin/net/errors.py" line="113" />
      <source>server said: “{message}”</source>
      <translation>message du serveur : « {message} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="41" />
      <source>snow</source>
      <translation>neige</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/model.py" line="171" />
      <source>stage {stage}</source>
      <translation>étape {stage}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="45" />
      <source>sun tangent</source>
      <translation>soleil rasant</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="44" />
      <source>sun too low</source>
      <translation>soleil trop bas</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="541" />
      <source>the collections answer lacks a “collections” list</source>
      <translation>la réponse des collections ne contient pas de liste « collections »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="87" />
      <source>the construct {name}</source>
      <translation>la construction {name}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="506" />
      <source>the landing page lacks “links” and “stac_version”</source>
      <translation>il manque « links » ou « stac_version » à la page d'accueil</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="227" />
      <source>the name {name}</source>
      <translation>le nom {name}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="70" />
      <source>the operator {operator}</source>
      <translation>l'opérateur {operator}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="532" />
      <source>the server's description</source>
      <translation>la description du serveur</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="209" />
      <source>the value {value!r}</source>
      <translation>la valeur {value!r}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="272" />
      <source>to</source>
      <translation>au</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="42" />
      <source>topographic shadows</source>
      <translation>ombres topographiques</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="547" />
      <source>unknown</source>
      <translation>inconnu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/index_options.py" line="40" />
      <source>water</source>
      <translation>eau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="80" />
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="389" />
      <source>{code} layer URI</source>
      <translation>URI de la couche {code}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices_catalogue.py" line="104" />
      <source>{count} indices found: {names}</source>
      <translation>{count} indices trouvés : {names}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="217" />
      <source>{count} items found</source>
      <translation>{count} items trouvés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="203" />
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="128" />
      <source>{count} products share their day with another one; they were merged (per pixel, the first clear value wins)</source>
      <translation>{count} produits partagent leur jour avec un autre ; ils ont été fusionnés (par pixel, la première valeur claire l'emporte)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="212" />
      <source>{count} snow products of {tile} ({days} dates) for {start} – {end}.</source>
      <translation>{count} produits neige de {tile} ({days} dates) pour la période {start} – {end}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_dock.py" line="547" />
      <source>{credit:.0f} CPU s</source>
      <translation>{credit:.0f} s CPU</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/report.py" line="74" />
      <source>{dates} dates ({inside} inside the period), {products} products. SCD: snow cover duration (days); SOD / SMOD: first / last day of the longest snow period; NOBS: clear observations; NSP: changes of the daily snow state.</source>
      <translation>{dates} dates ({inside} dans la période), {products} produits. SCD : durée d'enneigement (jours) ; SOD / SMOD : premier / dernier jour de la plus longue période d'enneigement ; NOBS : observations claires ; NSP : changements de l'état d'enneigement quotidien.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="207" />
      <source>{entry!r} is not of the form name = formula (e.g. mine = (N - R) / (N + R)); names start with a letter and use letters, digits, _ and -.</source>
      <translation>{entry!r} n'est pas de la forme nom = formule (par ex. mon_indice = (N - R) / (N + R)) ; les noms commencent par une lettre et utilisent lettres, chiffres, _ et -.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="167" />
      <location filename="../../theia_plugin/processing/indices_raster.py" line="116" />
      <source>{index} of {product}</source>
      <translation>{index} de {product}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/compute.py" line="80" />
      <source>{index} uses {names}, which is not a band name of Awesome Spectral Indices (known band names: {known}).</source>
      <translation>{index} utilise {names}, qui n'est pas un nom de bande des Awesome Spectral Indices (noms de bandes connus : {known}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="102" />
      <source>{index}: the constant {name} has no default value; give one.</source>
      <translation>{index} : la constante {name} n'a pas de valeur par défaut ; indiquez-en une.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="338" />
      <source>{indices} of {product}</source>
      <translation>{indices} de {product}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1091" />
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1213" />
      <source>{item} — true colour</source>
      <translation>{item} — couleurs naturelles</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/stac_l2a.py" line="170" />
      <source>{item}: the asset URLs could not be signed: {error}</source>
      <translation>{item} : les URL des assets n'ont pas pu être signées : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue_download.py" line="248" />
      <source>{item}: {error} (skipped; the other items go on)</source>
      <translation>{item} : {error} (ignoré ; les autres items continuent)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="225" />
      <source>{layers} code layers were given for {dates} dates</source>
      <translation>{layers} couches de codes ont été fournies pour {dates} dates</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/inputs.py" line="235" />
      <source>{names}: not Awesome Spectral Indices band names (expected some of {known}).</source>
      <translation>{names} : ce ne sont pas des noms de bandes des Awesome Spectral Indices (attendu parmi {known}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/dsmopt/jobs.py" line="77" />
      <source>{name} (copy)</source>
      <translation>{name} (copie)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/inputs.py" line="136" />
      <source>{name} (no such band in {platform} L2A products)</source>
      <translation>{name} (bande absente des produits {platform} L2A)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="89" />
      <source>{name} ({long_name}) = {formula}; reference: {reference}</source>
      <translation>{name} ({long_name}) = {formula} ; référence : {reference}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/engine.py" line="103" />
      <source>{name} ({path}) is in {crs}, expected {expected} like the other bands.</source>
      <translation>{name} ({path}) est en {crs} ; {expected} était attendu, comme pour les autres bandes.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/engine.py" line="118" />
      <source>{name} ({path}) is not on the same grid as the other bands ({width}×{height} px of {res} m from ({x}, {y})); expected the grid of {expected_width}×{expected_height} px of {expected_res} m from ({expected_x}, {expected_y}) or an integer multiple of it.</source>
      <translation>{name} ({path}) n'est pas sur la même grille que les autres bandes ({width}×{height} px de {res} m depuis ({x}, {y})) ; la grille attendue est de {expected_width}×{expected_height} px de {expected_res} m depuis ({expected_x}, {expected_y}), ou un multiple entier de celle-ci.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1008" />
      <source>{name} could not be opened</source>
      <translation>{name} n'a pas pu être ouvert</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="111" />
      <source>{name} is not a Theia L2A product name (expected e.g. SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2).</source>
      <translation>{name} n'est pas un nom de produit Theia L2A (attendu par exemple SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/l2b_files.py" line="184" />
      <source>{name} was given twice ({first} and {second}); used once.</source>
      <translation>{name} a été fourni deux fois ({first} et {second}) ; pris en compte une seule fois.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/dsmopt.py" line="136" />
      <source>{name}: a positive number of seconds expected, got “{value}”</source>
      <translation>{name} : un nombre positif de secondes est attendu, reçu « {value} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/snow_styles.py" line="54" />
      <source>{n} changes</source>
      <translation>{n} changements</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/snow_styles.py" line="53" />
      <source>{n} dates</source>
      <translation>{n} dates</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/snow_styles.py" line="52" />
      <source>{n} days</source>
      <translation>{n} jours</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1190" />
      <source>{n} files in {folder}</source>
      <translation>{n} fichiers dans {folder}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/catalogue.py" line="220" />
      <source>{n} items found</source>
      <translation>{n} items trouvés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="1199" />
      <source>{n} of {total} files could not be downloaded: {first}</source>
      <translation>{n} fichiers sur {total} n'ont pas pu être téléchargés : {first}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="869" />
      <source>{n} results</source>
      <translation>{n} résultats</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/catalogue_dock.py" line="871" />
      <source>{n} results so far</source>
      <translation>{n} résultats pour l'instant</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="113" />
      <source>{path} cannot be read: {error}</source>
      <translation>{path} ne peut pas être lu : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/engine.py" line="189" />
      <source>{path} could not be read at rows {start}–{end} ({error}): the file is corrupt or truncated; expected a complete raster (download it again?).</source>
      <translation>{path} n'a pas pu être lu aux lignes {start}–{end} ({error}) : le fichier est corrompu ou tronqué ; un raster complet est attendu (le télécharger à nouveau ?).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/stac_l2a.py" line="89" />
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="131" />
      <location filename="../../theia_plugin/core/snow/l2b_files.py" line="107" />
      <source>{path} does not exist.</source>
      <translation>{path} n'existe pas.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/inputs.py" line="242" />
      <source>{path} has {count} band(s); the mapping asks for {wrong}.</source>
      <translation>{path} a {count} bande(s) ; la correspondance demande {wrong}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="123" />
      <source>{path} is at {res} m; CLM_R2 must be on the 20 m grid of B11.</source>
      <translation>{path} est à {res} m ; CLM_R2 doit être sur la grille à 20 m de B11.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="152" />
      <source>{path} is neither a Theia L2A product folder nor a zip archive.</source>
      <translation>{path} n'est ni un dossier de produit Theia L2A ni une archive zip.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/parameters.py" line="132" />
      <location filename="../../theia_plugin/processing/snow.py" line="580" />
      <source>{path} is not a folder.</source>
      <translation>{path} n'est pas un dossier.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/stac_l2a.py" line="92" />
      <source>{path} is not a readable STAC item (JSON expected): {error}</source>
      <translation>{path} n'est pas un item STAC lisible (JSON attendu) : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/inputs.py" line="221" />
      <source>{path} is not a readable raster (corrupt or truncated?): {error}</source>
      <translation>{path} n'est pas un raster lisible (corrompu ou tronqué ?) : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="143" />
      <location filename="../../theia_plugin/core/snow/l2b_files.py" line="90" />
      <source>{path} is not a readable zip archive (corrupt or truncated?): {error}</source>
      <translation>{path} n'est pas une archive zip lisible (corrompue ou tronquée ?) : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/l2b_files.py" line="120" />
      <source>{path} is not a snow product: expected a file named like LIS_S2-SNOW-SEB_T31TCH_20190115T103421_&lt;version&gt;.tif, LIS_S2-SNOW-FSC-TOC_…, or Theia's …_L2B-SNOW_T31TCH_…_SNW_R2.tif.</source>
      <translation>{path} n'est pas un produit neige : fichier attendu nommé comme LIS_S2-SNOW-SEB_T31TCH_20190115T103421_&lt;version&gt;.tif, LIS_S2-SNOW-FSC-TOC_… ou …_L2B-SNOW_T31TCH_…_SNW_R2.tif de Theia.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="125" />
      <source>{path} is not on the grid of {first} ({width}×{height} px of {res} m from ({x}, {y}) in {crs}); all snow products of a synthesis must share one grid.</source>
      <translation>{path} n'est pas sur la grille de {first} ({width}×{height} px de {res} m depuis ({x}, {y}) en {crs}) ; tous les produits neige d'une synthèse doivent partager une même grille.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_synthesis.py" line="117" />
      <source>{path} is {dtype}; snow products are uint8 codes (0–100, 205, 255).</source>
      <translation>{path} est en {dtype} ; les produits neige sont des codes uint8 (0–100, 205, 255).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="167" />
      <source>{path}: no {id}_FRE_B*.tif band files found (is the product complete?).</source>
      <translation>{path} : aucun fichier de bande {id}_FRE_B*.tif trouvé (le produit est-il complet ?).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/compute.py" line="125" />
      <source>{product} lacks the band(s) {bands} needed by the chosen indices.</source>
      <translation>{product} n'a pas la ou les bandes {bands} nécessaires aux indices choisis.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="70" />
      <source>{product}: band {band} is missing (available: {available}).</source>
      <translation>{product} : la bande {band} est absente (disponibles : {available}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="89" />
      <source>{product}: mask MASKS/{product}_{mask}.tif is missing.</source>
      <translation>{product} : le masque MASKS/{product}_{mask}.tif est absent.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="110" />
      <source>{product}: snow detection needs {files}, missing from the product.</source>
      <translation>{product} : la détection de neige a besoin de {files}, absents du produit.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="223" />
      <location filename="../../theia_plugin/processing/snow.py" line="379" />
      <source>{product}: zs = {zs} m, snow {snow:.1f} %, cloud {cloud:.1f} %</source>
      <translation>{product} : zs = {zs} m, neige {snow:.1f} %, nuage {cloud:.1f} %</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="452" />
      <location filename="../../theia_plugin/processing/snow.py" line="372" />
      <source>{product}: {error} (skipped; the other products go on)</source>
      <translation>{product} : {error} (ignoré ; les autres produits continuent)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="855" />
      <source>{reason}: retrying in {seconds} s</source>
      <translation>{reason} : nouvelle tentative dans {seconds} s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="986" />
      <source>{received} of {expected} bytes received</source>
      <translation>{received} octets reçus sur {expected}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="559" />
      <source>{service} “{title}”: {count} layers</source>
      <translation>{service} « {title} » : {count} couches</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/stac_l2a.py" line="109" />
      <source>{source} is not a STAC item (a GeoJSON Feature with an “id” was expected).</source>
      <translation>{source} n'est pas un item STAC (une Feature GeoJSON avec un « id » était attendue).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="90" />
      <source>{status} (gone)</source>
      <translation>{status} (n'existe plus)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/dsmopt_jobs_model.py" line="92" />
      <source>{status} (purged)</source>
      <translation>{status} (purgée)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/l2b_files.py" line="160" />
      <source>{tile}: {count} files, e.g. {example}</source>
      <translation>{tile} : {count} fichiers, par ex. {example}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="331" />
      <source>{type} starting with “{snippet}”</source>
      <translation>{type} commençant par « {snippet} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="478" />
      <source>{url} answered with an error</source>
      <translation>{url} a répondu par une erreur</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="491" />
      <source>{url} does not look like {what}: check the URL and the type</source>
      <translation>{url} ne ressemble pas à {what} : vérifiez l'URL et le type</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="518" />
      <source>{url} is a STAC catalogue without item search: it cannot be searched</source>
      <translation>{url} est un catalogue STAC sans recherche d'items : la recherche y est impossible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="469" />
      <source>{url} is unreachable: check the URL and the network</source>
      <translation>{url} est injoignable : vérifiez l'URL et le réseau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="168" />
      <source>{what} {path} cannot be read: {error}</source>
      <translation>{what} {path} ne peut pas être lu : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="180" />
      <source>{what} {path} does not cover the product: it spans ({left:.6g}, {bottom:.6g}) – ({right:.6g}, {top:.6g}) in {crs}, the product needs ({need_left:.6g}, {need_bottom:.6g}) – ({need_right:.6g}, {need_top:.6g}).</source>
      <translation>{what} {path} ne couvre pas le produit : il s'étend de ({left:.6g}, {bottom:.6g}) à ({right:.6g}, {top:.6g}) en {crs}, le produit demande ({need_left:.6g}, {need_bottom:.6g}) – ({need_right:.6g}, {need_top:.6g}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="160" />
      <source>{what} {path} has no coordinate reference system.</source>
      <translation>{what} {path} n'a pas de système de coordonnées de référence.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/signing.py" line="245" />
      <source>“hrefs” lacks {count} of the {total} URLs sent</source>
      <translation>Il manque à « hrefs » {count} des {total} URL envoyées</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/connections.py" line="202" />
      <source>“{name}” is a {kind} map service, not a catalogue</source>
      <translation>« {name} » est un service cartographique {kind}, pas un catalogue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/layers.py" line="144" />
      <source>“{url}” is not an XYZ tile template: {{z}}, {{x}} and {{y}} are expected</source>
      <translation>« {url} » n'est pas un modèle de tuiles XYZ : {{z}}, {{x}} et {{y}} sont attendus</translation>
    </message>
  </context>
</TS>
